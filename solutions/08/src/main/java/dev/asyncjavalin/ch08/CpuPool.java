package dev.asyncjavalin.ch08;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A pool for CPU-bound work: one thread per core and a short queue. When both are full it refuses
 * new work at once ({@link ServerBusy}) instead of piling it up.
 */
final class CpuPool implements AutoCloseable {

    /** More threads than cores would only take turns on the same cores. */
    static final int DEFAULT_THREADS = Runtime.getRuntime().availableProcessors();
    /** Waiting work is latency: with 16 queued tasks of about 60 ms on 2 cores, the last waits about half a second. */
    static final int DEFAULT_QUEUE_CAPACITY = 16;
    /** About how long the pool needs to make room again; sent to refused clients as Retry-After. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    /**
     * Refuses like {@link ThreadPoolExecutor.AbortPolicy}, by throwing, minus its cost: AbortPolicy
     * builds a new exception per refusal, with a stack trace and a message from the pool's
     * {@code toString()}, which takes the lock the pool's threads need to pick up work. Under a
     * storm of refusals that slowed down the very work the pool had accepted.
     */
    private static final RejectedExecutionHandler REFUSE_CHEAPLY = (task, pool) -> {
        throw Full.INSTANCE;
    };

    private final ThreadPoolExecutor executor;
    private final int queueCapacity;
    private final ServerBusy fullPool;
    private final AtomicLong refused = new AtomicLong();

    // tag::pool[]
    CpuPool(int threads, int queueCapacity) {
        this.queueCapacity = queueCapacity;
        String busy = "All " + threads + " CPU threads are busy and all " + queueCapacity + " queue slots are taken.";
        this.fullPool = new ServerBusy(busy, RETRY_AFTER);
        this.executor = new ThreadPoolExecutor(
                threads, threads,                          // core = max: never more threads than we asked for
                0, TimeUnit.SECONDS,                       // (no extra threads, so nothing to time out)
                new ArrayBlockingQueue<>(queueCapacity),   // bounded: the next task is refused, not stored
                namedThreads("cpu"),
                REFUSE_CHEAPLY);                           // refuse by throwing RejectedExecutionException
    }

    /** Runs {@code work} on the pool; a full pool gives a future already failed with {@link ServerBusy}. */
    <T> CompletableFuture<T> submit(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException full) {
            refused.incrementAndGet();
            return CompletableFuture.failedFuture(fullPool); // one answer for every refusal: nothing to build
        }
    }
    // end::pool[]

    Usage usage() {
        return new Usage(executor.getMaximumPoolSize(), executor.getActiveCount(), executor.getQueue().size(),
                queueCapacity, refused.get());
    }

    /** Lets queued work finish (a short queue drains in about a second), then stops the threads. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One look at the pool.
     *
     * @param threads  threads the pool runs
     * @param busy     threads computing right now
     * @param queued   tasks waiting for a thread
     * @param capacity the most tasks that may wait
     * @param refused  tasks turned away since the app started
     */
    record Usage(int threads, int busy, int queued, int capacity, long refused) {

        String toText() {
            return String.format("CPU pool: %d threads on %d cores; %d busy; %d of %d queue slots taken; %d requests refused so far%n",
                    threads, Runtime.getRuntime().availableProcessors(), busy, queued, capacity, refused);
        }
    }

    /** The one exception {@link #REFUSE_CHEAPLY} throws: it says nothing a stack trace would add. */
    private static final class Full extends RejectedExecutionException {
        static final Full INSTANCE = new Full();

        private Full() {
            super("the CPU pool is full");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Threads named cpu-1, cpu-2, ... so that answers and logs show where the work ran. */
    static ThreadFactory namedThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> new Thread(runnable, prefix + "-" + count.incrementAndGet());
    }
}
