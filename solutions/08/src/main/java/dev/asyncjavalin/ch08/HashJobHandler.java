package dev.asyncjavalin.ch08;

import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.server.runner.ThreadLocalJobContext;

/**
 * Runs a {@link HashJob} on whichever instance took it from the queue. The steps are the same
 * key stretching as {@code Jobs}; what changed is who keeps the job: the database, not this JVM.
 * A step that throws fails this attempt, and JobRunr decides whether and when to try again.
 */
// tag::handler[]
public final class HashJobHandler implements JobRequestHandler<HashJob> {

    private final CpuWork work;

    HashJobHandler(CpuWork work) {
        this.work = work;
    }

    @Override
    public void run(HashJob job) throws InterruptedException {
        UUID id = ThreadLocalJobContext.getJobContext().getJobId();
        for (int step = 1; step <= job.steps(); step++) {
            if (step == job.failAt()) {
                throw new IllegalStateException("step " + step + " of " + job.steps() + " failed: this job was asked to fail here");
            }
            work.hash("job " + id + ", item " + step);
            // the app is stopping: JobRunr records this try as failed and retries later. Thread.interrupted()
            // clears the flag, as throwing InterruptedException promises: on a virtual thread (JobRunr's
            // workers on JDK 21+) a socket used with the flag set is closed, and the record would be lost
            if (Thread.interrupted()) {
                throw new InterruptedException("the app stopped during step " + step + " of " + job.steps());
            }
        }
    }
}
// end::handler[]
