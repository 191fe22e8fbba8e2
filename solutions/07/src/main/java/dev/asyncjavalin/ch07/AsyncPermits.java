package dev.asyncjavalin.ch07;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Exercise 7.5 (stretch, optional): exercise 7.2's "at most K calls in flight" for the event loop of
 * 7.3, where nothing may block: a call waiting for a permit holds no thread either. Write it from
 * its specification in the chapter README, section "Exercise 7.5 · at most K calls on the event
 * loop".
 */
final class AsyncPermits {

    // EXERCISE 7.5 at most K calls on the event loop
    private final Queue<CompletableFuture<Void>> waiting = new ArrayDeque<>(); // guarded by this
    private int free; // guarded by this

    AsyncPermits(int permits) {
        this.free = permits;
    }

    <T> CompletableFuture<T> withPermit(Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<Void> permit = acquire();
        // a caller that gives up (a deadline) before its turn leaves the queue: release() skips it
        result.whenComplete((value, failure) -> permit.cancel(false));
        permit.thenRun(() -> start(call, result));
        return result;
    }

    private <T> void start(Supplier<CompletableFuture<T>> call, CompletableFuture<T> result) {
        if (result.isDone()) {
            release(); // given up between the permit and now: the call never starts
            return;
        }
        CompletableFuture<T> running;
        try {
            running = call.get();
        } catch (RuntimeException e) {
            release();
            result.completeExceptionally(e);
            return;
        }
        running.whenComplete((value, failure) -> {
            release(); // whatever happened, exactly once per started call
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        });
        result.whenComplete((value, failure) -> running.cancel(true)); // ending the result ends the call
    }

    private synchronized CompletableFuture<Void> acquire() {
        if (free > 0) {
            free--;
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> permit = new CompletableFuture<>();
        waiting.add(permit);
        return permit;
    }

    private void release() {
        while (true) {
            CompletableFuture<Void> next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    free++;
                    return;
                }
            }
            // outside the lock: completing starts the next call, which may release in turn
            if (next.complete(null)) {
                return; // the permit passed straight on
            }
            // that caller had given up: offer the permit to the one after it
        }
    }
    // END EXERCISE 7.5
}
