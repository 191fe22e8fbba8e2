package dev.asyncjavalin.ch04;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SlowData} that proves how many requests can wait at once, without a clock: it answers
 * nobody until {@code parties} loads are waiting together, then answers them all. If that never
 * happens within {@code timeout}, the gate breaks: every waiting and later load is answered at
 * once with a message saying how many came, so the test fails clearly instead of hanging.
 */
final class GatedData implements SlowData {

    static final String OPENED = "gate opened";

    private final int parties;
    private final Duration timeout;
    private final List<CompletableFuture<String>> waiting = new ArrayList<>();
    private boolean broken;
    private int mostWaiting;

    GatedData(int parties, Duration timeout) {
        this.parties = parties;
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<String> load() {
        CompletableFuture<String> answer = new CompletableFuture<>();
        List<CompletableFuture<String>> release = List.of();
        synchronized (this) {
            if (broken) {
                answer.complete(brokenMessage());
                return answer;
            }
            waiting.add(answer);
            mostWaiting = Math.max(mostWaiting, waiting.size());
            if (waiting.size() == 1) {
                CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(this::breakIfStillClosed);
            }
            if (waiting.size() == parties) {
                release = List.copyOf(waiting);
                waiting.clear();
            }
        }
        // completed outside the lock: each completion runs the waiting handler's code on this thread
        release.forEach(future -> future.complete(OPENED + " with " + parties + " requests waiting together"));
        return answer;
    }

    private void breakIfStillClosed() {
        List<CompletableFuture<String>> stuck;
        synchronized (this) {
            if (waiting.isEmpty()) {
                return;
            }
            broken = true;
            stuck = List.copyOf(waiting);
            waiting.clear();
        }
        stuck.forEach(future -> future.complete(brokenMessage()));
    }

    private synchronized String brokenMessage() {
        return "gate broken: after " + timeout.toMillis() + " ms at most " + mostWaiting + " of " + parties
                + " requests had been waiting together";
    }

    @Override
    public void close() {
        breakIfStillClosed(); // nobody waits forever for a gate that can no longer open
    }
}
