package dev.asyncjavalin.ch04;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link SlowData} that proves how many requests can wait at once, without a clock: it answers
 * nobody until the test opens it, and the test opens it once {@code parties} loads are waiting
 * together. A test that sees that this cannot happen breaks the gate instead: every waiting and
 * later load is answered at once with the reason, so the test fails clearly instead of hanging.
 */
final class GatedData implements SlowData {

    static final String OPENED = "gate opened";
    static final String BROKEN = "gate broken";

    private final int parties;
    private final List<CompletableFuture<String>> waiting = new ArrayList<>();
    private String brokenBecause;
    private int mostWaiting;

    GatedData(int parties) {
        this.parties = parties;
    }

    @Override
    public CompletableFuture<String> load() {
        CompletableFuture<String> answer = new CompletableFuture<>();
        synchronized (this) {
            if (brokenBecause == null) {
                waiting.add(answer);
                mostWaiting = Math.max(mostWaiting, waiting.size());
                return answer;
            }
        }
        answer.complete(BROKEN + ": " + brokenBecause);
        return answer;
    }

    /** Whether {@code parties} loads have been waiting together. */
    synchronized boolean full() {
        return mostWaiting >= parties;
    }

    synchronized int mostWaiting() {
        return mostWaiting;
    }

    /** Answers every waiting load; each completion runs the waiting handler's code on the caller's thread. */
    void open() {
        release(OPENED + " with " + mostWaiting() + " requests waiting together");
    }

    /** Answers every waiting load, and every later one at once, with {@code because}. */
    void breakOpen(String because) {
        synchronized (this) {
            if (brokenBecause == null) {
                brokenBecause = because;
            }
        }
        release(BROKEN + ": " + because);
    }

    private void release(String message) {
        List<CompletableFuture<String>> released;
        synchronized (this) {
            released = List.copyOf(waiting);
            waiting.clear();
        }
        // completed outside the lock, so that handler code run by a completion cannot deadlock with load()
        released.forEach(answer -> answer.complete(message));
    }

    @Override
    public void close() {
        breakOpen("the app stopped"); // nobody waits forever for a gate that can no longer open
    }
}
