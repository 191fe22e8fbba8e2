package dev.asyncjavalin.ch08;

import org.jobrunr.jobs.lambdas.JobRequest;

/**
 * What {@code POST /queue/jobs} asks for, as the job queue stores it: a plain record that JobRunr
 * writes to its database as JSON and any instance reads back. No lambda, no captured variables:
 * the stored job is this data plus the name of the class that runs it.
 *
 * @param steps  how many keys to stretch, one per step
 * @param failAt the step that throws (0: none), to show retries and a failed job
 */
public record HashJob(int steps, int failAt) implements JobRequest {

    @Override
    public Class<HashJobHandler> getJobRequestHandler() {
        return HashJobHandler.class;
    }
}
