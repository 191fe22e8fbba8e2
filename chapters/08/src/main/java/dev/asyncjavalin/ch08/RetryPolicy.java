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
    /** At most {@code maxAttempts} calls; the waits start at {@code firstDelay}, double, and stop growing at {@code maxDelay}. */
    RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, Delays delays) {
        throw new ExerciseNotSolved("8.5", "write RetryPolicy from its specification in the README");
    }

    /** Calls {@code step} now, and again after each failure while attempts remain; never waits on a thread. */
    <T> CompletableFuture<T> run(Callable<T> step) {
        throw new ExerciseNotSolved("8.5", "write RetryPolicy from its specification in the README");
    }
    // END EXERCISE 8.5
}
