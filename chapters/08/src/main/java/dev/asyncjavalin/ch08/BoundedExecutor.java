package dev.asyncjavalin.ch08;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import java.time.Duration;
import java.util.concurrent.*; // whichever parts of java.util.concurrent your answer builds on

/**
 * Runs tasks on a fixed number of worker threads, lets at most a fixed number wait, and refuses the
 * rest at once. Exercise 8.3: you write it from the specification in the chapter README, section
 * "Exercise 8.3 · build a bounded executor with backpressure".
 */
final class BoundedExecutor implements AutoCloseable {

    /** Sent with every refusal: a place frees up as soon as any task ends. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    // EXERCISE 8.3 build a bounded executor with backpressure
    /** {@code workers} threads run tasks; at most {@code queueCapacity} more tasks wait for one. */
    BoundedExecutor(int workers, int queueCapacity) {
        throw notSolved();
    }

    /** Runs {@code task} on a worker; a future already failed when there is no place, never a wait. */
    <T> CompletableFuture<T> submit(Callable<T> task) {
        throw notSolved();
    }

    /** Refuses new tasks, lets the accepted ones finish, and returns once the workers have ended. */
    @Override
    public void close() {
        throw notSolved();
    }

    private static ExerciseNotSolved notSolved() {
        return new ExerciseNotSolved("8.3", "write BoundedExecutor from its specification in the README");
    }
    // END EXERCISE 8.3
}
