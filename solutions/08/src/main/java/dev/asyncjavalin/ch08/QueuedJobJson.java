package dev.asyncjavalin.ch08;

import java.util.List;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.JobState;
import org.jobrunr.jobs.states.ProcessingState;
import org.jobrunr.jobs.states.ScheduledState;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code GET /queue/jobs/{id}} answers: the job's state now and every state it went through,
 * as JobRunr stored them. Messages, never stack traces or class names: the stack trace stays in the
 * database and on the dashboard, for the people who run the app.
 */
final class QueuedJobJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QueuedJobJson() {
    }

    static String of(Job job) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("id", job.getId().toString());
        answer.put("name", job.getJobName());
        answer.put("state", job.getState().name());
        if (job.getJobState() instanceof FailedState failed) {
            answer.put("error", errorOf(failed));
        }
        ArrayNode history = answer.putArray("history");
        for (JobState state : List.copyOf(job.getJobStates())) {
            ObjectNode entry = history.addObject();
            entry.put("state", state.getName().name());
            entry.put("at", state.getCreatedAt().toString());
            if (state instanceof ProcessingState processing) {
                entry.put("server", processing.getServerName());
                entry.put("serverId", processing.getServerId().toString());
            } else if (state instanceof FailedState failed) {
                entry.put("message", failed.getMessage());
                entry.put("error", errorOf(failed));
            } else if (state instanceof ScheduledState scheduled) {
                entry.put("until", scheduled.getScheduledAt().toString());
                if (scheduled.getReason() != null) {
                    entry.put("reason", scheduled.getReason());
                }
            }
        }
        return JSON.writeValueAsString(answer);
    }

    /** The job's own message when it has one ("step 2 of 3 failed: ..."), JobRunr's otherwise ("Orphaned job"). */
    private static String errorOf(FailedState failed) {
        String thrown = failed.getExceptionMessage();
        return thrown == null || thrown.isBlank() ? failed.getMessage() : thrown;
    }
}
