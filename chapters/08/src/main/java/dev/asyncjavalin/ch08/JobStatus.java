package dev.asyncjavalin.ch08;

import java.util.Locale;

/**
 * What a client polling {@code GET /jobs/{id}} learns about a job at one moment. Immutable: the job's
 * thread replaces it at every step, and a request thread reads whichever one is current. (Public
 * because the precompiled job page, in another package, reads it.)
 *
 * @param stepsDone steps finished so far (the "k" of "k of n")
 * @param result    what a finished job produced; empty until it is done
 * @param error     which step failed and why; empty unless it failed
 */
public record JobStatus(long id, State state, int stepsDone, int steps, String result, String error) {

    public enum State {
        QUEUED, RUNNING, DONE, FAILED;

        /** queued, running, done, failed: the word shown on the page. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static JobStatus queued(long id, int steps) {
        return new JobStatus(id, State.QUEUED, 0, steps, "", "");
    }

    JobStatus running(int done) {
        return new JobStatus(id, State.RUNNING, done, steps, "", "");
    }

    JobStatus done(String output) {
        return new JobStatus(id, State.DONE, steps, steps, output, "");
    }

    /** Failed while running step {@code step} (1-based); the steps before it were done. */
    JobStatus failed(int step, String reason) {
        return new JobStatus(id, State.FAILED, step - 1, steps, "", "step " + step + " of " + steps + " failed: " + reason);
    }

    public boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }

    /** Where the job can be polled; sent as the Location header of the 202. */
    public String location() {
        return "/jobs/" + id;
    }

    String summary() {
        return switch (state) {
            case QUEUED -> "queued: waiting for the job thread (" + steps + " steps)";
            case RUNNING -> "running: " + stepsDone + " of " + steps + " steps done";
            case DONE -> "done: " + result;
            case FAILED -> "failed: " + error;
        };
    }
}
