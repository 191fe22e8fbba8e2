package dev.asyncjavalin.ch08;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long jobs, run in the background on the app's own small executor. A request starts one and gets
 * its id at once; the job's thread records every step in a {@link JobStatus} that any request can
 * read. Everything lives in this JVM's memory: that is the limit a real job queue removes.
 */
final class Jobs implements AutoCloseable {

    /** One job at a time: background work should not take every core from the requests. */
    static final int THREADS = 1;
    static final int QUEUE_CAPACITY = 20;
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    /** How long a stopping app waits for the running step to end. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    private final CpuWork work;
    private final Consumer<JobStatus> onFinished;
    private final Map<Long, JobStatus> statuses = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY), CpuPool.namedThreads("job"), new ThreadPoolExecutor.AbortPolicy());

    /**
     * @param work       what each step computes
     * @param onFinished told about every job that stops running, done or not (the app logs it; a test waits for it)
     */
    Jobs(CpuWork work, Consumer<JobStatus> onFinished) {
        this.work = work;
        this.onFinished = onFinished;
    }

    // tag::submit[]
    /**
     * Queues a job of {@code steps} steps and returns at once. {@code failAt} names a step that
     * throws (0: none), to show what a failing job looks like.
     */
    JobStatus submit(int steps, int failAt) {
        JobStatus queued = JobStatus.queued(lastId.incrementAndGet(), steps);
        statuses.put(queued.id(), queued); // visible before it can start, so a poll never misses it
        try {
            executor.execute(() -> run(queued, failAt));
        } catch (RejectedExecutionException full) {
            statuses.remove(queued.id());
            throw new ServerBusy("All " + QUEUE_CAPACITY + " places in the job queue are taken.", RETRY_AFTER);
        }
        return queued;
    }
    // end::submit[]

    Optional<JobStatus> find(long id) {
        return Optional.ofNullable(statuses.get(id));
    }

    // tag::run[]
    private void run(JobStatus queued, int failAt) {
        JobStatus status = queued;
        try {
            String last = "";
            for (int step = 1; step <= queued.steps(); step++) {
                status = record(status.running(step - 1));
                if (Thread.currentThread().isInterrupted()) { // the app is stopping
                    status = record(status.failed(step, "the app stopped before this step"));
                    return;
                }
                // EXERCISE 8.2: a step that throws must end the job as failed, naming the step and the reason
                try {
                    last = step(queued.id(), step, failAt);
                } catch (RuntimeException e) {
                    // caught here, or it ends this thread and the job says "running" for ever. The poller
                    // reads the message; the class and the stack trace are for the server's log.
                    LOG.warn("job {}: step {} failed", queued.id(), step, e);
                    status = record(status.failed(step, e.getMessage() != null ? e.getMessage() : "no reason given"));
                    return;
                }
                // END EXERCISE 8.2
            }
            status = record(status.done(queued.steps() + " keys stretched; the last one is " + last));
        } finally {
            onFinished.accept(status);
        }
    }
    // end::run[]

    private String step(long jobId, int step, int failAt) {
        if (step == failAt) {
            throw new IllegalStateException("this job was asked to fail here (fail_at=" + failAt + ")");
        }
        return work.hash("job " + jobId + ", item " + step);
    }

    private JobStatus record(JobStatus status) {
        statuses.put(status.id(), status);
        return status;
    }

    /** The app's default {@code onFinished}: one log line per job. */
    static void log(JobStatus status) {
        LOG.info("job {} {}", status.id(), status.summary());
    }

    /**
     * Stops the job thread: the running job ends after its current step, queued jobs are dropped.
     * Nothing is kept anywhere, which is the first thing a real job queue does differently.
     */
    @Override
    public void close() {
        List<Runnable> dropped = executor.shutdownNow(); // interrupts the job thread
        if (!dropped.isEmpty()) {
            LOG.warn("stopping: {} queued job(s) dropped; a job queue backed by a database would still have them", dropped.size());
        }
        try {
            executor.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
