package dev.asyncjavalin.ch08;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * What changes between a lesson run and a test: the size of the CPU pool, the work it runs, and
 * who hears about finished jobs.
 *
 * @param cpuThreads       threads of the CPU pool
 * @param cpuQueueCapacity the most requests that may wait for a CPU thread
 * @param work             the expensive computation of the hash routes and of every job step
 * @param onJobFinished    told about every job that stops running, done or failed
 * @param queue            the job queue on a database ({@code /queue/jobs}); empty: those routes are off
 */
record Settings(int cpuThreads, int cpuQueueCapacity, CpuWork work, Consumer<JobStatus> onJobFinished,
                Optional<QueueSettings> queue) {

    Settings {
        if (cpuThreads < 1 || cpuQueueCapacity < 1) {
            throw new IllegalArgumentException("the CPU pool needs at least one thread and one queue slot, got "
                    + cpuThreads + " and " + cpuQueueCapacity);
        }
    }

    /**
     * One CPU thread per core, a short queue, real key stretching, a log line per finished job, and
     * no job queue (a test that wants one says so; {@link App#main} takes it from the environment).
     */
    static Settings defaults() {
        return new Settings(CpuPool.DEFAULT_THREADS, CpuPool.DEFAULT_QUEUE_CAPACITY, CpuWork.KEY_STRETCHING, Jobs::log, Optional.empty());
    }

    Settings withCpuPool(int threads, int queueCapacity) {
        return new Settings(threads, queueCapacity, work, onJobFinished, queue);
    }

    Settings withWork(CpuWork replacement) {
        return new Settings(cpuThreads, cpuQueueCapacity, replacement, onJobFinished, queue);
    }

    Settings onJobFinished(Consumer<JobStatus> listener) {
        return new Settings(cpuThreads, cpuQueueCapacity, work, listener, queue);
    }

    Settings withQueue(QueueSettings jobQueue) {
        return new Settings(cpuThreads, cpuQueueCapacity, work, onJobFinished, Optional.of(jobQueue));
    }
}
