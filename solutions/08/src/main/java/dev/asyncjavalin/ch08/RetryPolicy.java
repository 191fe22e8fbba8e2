package dev.asyncjavalin.ch08;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a job step again when it fails, waiting longer before each attempt, up to a cap, and keeps
 * every error. Exercise 8.5 (stretch): you write it from the chapter README, section "Exercise 8.5 ·
 * retry a step with exponential backoff".
 */
final class RetryPolicy {

    /**
     * Runs a task once a delay has passed, without a thread waiting for it: the app's is a
     * {@code ScheduledExecutorService}, a test's runs the task when the test says.
     */
    interface Delays {
        void after(Duration delay, Runnable task);
    }

    // EXERCISE 8.5 retry a step with exponential backoff
    private final int maxAttempts;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Delays delays;

    /** At most {@code maxAttempts} calls; the waits start at {@code firstDelay}, double, and stop growing at {@code maxDelay}. */
    RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, Delays delays) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= firstDelay <= maxDelay, got firstDelay " + firstDelay + " and maxDelay " + maxDelay);
        }
        this.maxAttempts = maxAttempts;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.delays = delays;
    }

    /** Calls {@code step} now, and again after each failure while attempts remain; never waits on a thread. */
    <T> CompletableFuture<T> run(Callable<T> step) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(step, firstDelay, new ArrayList<>(), result);
        return result;
    }

    /** One call; after a failure the next one is left to {@link #delays}, so no thread waits in between. */
    private <T> void attempt(Callable<T> step, Duration delay, List<Exception> failed, CompletableFuture<T> result) {
        T value;
        try {
            value = step.call();
        } catch (Exception e) {
            if (failed.size() + 1 == maxAttempts) {
                failed.stream().filter(earlier -> earlier != e).forEach(e::addSuppressed); // the last leads, the rest stay readable
                result.completeExceptionally(e);
                return;
            }
            failed.add(e);
            // doubled only while under the cap, so that many attempts cannot overflow a Duration
            Duration next = delay.compareTo(maxDelay.dividedBy(2)) > 0 ? maxDelay : delay.multipliedBy(2);
            delays.after(delay, () -> attempt(step, next, failed, result));
            return;
        }
        result.complete(value);
    }
    // END EXERCISE 8.5
}
