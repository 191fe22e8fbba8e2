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
    private final String full;
    /** One per task accepted and not yet ended, running or waiting: the bound the pool's own queue lacks. */
    private final Semaphore places;
    /** Its queue has no bound of its own: {@link #places} is the bound. */
    private final ExecutorService workers;

    /** {@code workers} threads run tasks; at most {@code queueCapacity} more tasks wait for one. */
    BoundedExecutor(int workers, int queueCapacity) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("queueCapacity must be 0 or more, got " + queueCapacity);
        }
        this.full = "All " + workers + " workers are busy and all " + queueCapacity + " waiting places are taken.";
        this.places = new Semaphore(workers + queueCapacity);
        this.workers = Executors.newFixedThreadPool(workers, CpuPool.namedThreads("bounded"));
    }

    /** Runs {@code task} on a worker; a future already failed when there is no place, never a wait. */
    <T> CompletableFuture<T> submit(Callable<T> task) {
        if (workers.isShutdown()) {
            return CompletableFuture.failedFuture(new RejectedExecutionException("This executor is shut down."));
        }
        if (!places.tryAcquire()) { // never acquire(): the caller is told at once, not made to wait
            return CompletableFuture.failedFuture(new ServerBusy(full, RETRY_AFTER));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            workers.execute(() -> run(task, result));
        } catch (RejectedExecutionException shutDown) { // close() came between the check above and here
            places.release();
            return CompletableFuture.failedFuture(shutDown);
        }
        return result;
    }

    private <T> void run(Callable<T> task, CompletableFuture<T> result) {
        T value = null;
        Throwable failure = null;
        try {
            value = task.call();
        } catch (Throwable e) {
            failure = e; // the caller's, not ours: it goes into the future
        } finally {
            places.release(); // before the answer is out, so whoever reads it may submit again at once
        }
        if (failure == null) {
            result.complete(value);
        } else {
            result.completeExceptionally(failure);
        }
    }

    /** Refuses new tasks, lets the accepted ones finish, and returns once the workers have ended. */
    @Override
    public void close() {
        workers.shutdown(); // accepted tasks still run, waiting ones included; new ones are refused
        try {
            while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                // still working: accepted tasks are owed their run, however long
            }
        } catch (InterruptedException e) {
            workers.shutdownNow(); // whoever closes us has given up waiting: stop the tasks too
            Thread.currentThread().interrupt();
        }
    }
    // END EXERCISE 8.3
}
