package dev.asyncjavalin.ch08;

import io.javalin.testtools.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What {@code GET /queue/jobs/{id}} said about a job: its state, its error, and the states it went through. */
record QueuedJob(String state, String error, List<Entry> history) {

    /** Long enough for JobRunr's 20 s server timeout, a 3 s retry wait and a few 5 s polls; it only matters when a test fails. */
    static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One state of the history; {@code serverId}, {@code error} and {@code reason} are empty where the state has none. */
    record Entry(String state, String serverId, String error, String reason) {
    }

    static QueuedJob of(String json) {
        JsonNode job = JSON.readTree(json);
        List<Entry> history = new ArrayList<>();
        for (JsonNode entry : job.get("history")) {
            history.add(new Entry(entry.get("state").asString(), text(entry, "serverId"), text(entry, "error"), text(entry, "reason")));
        }
        return new QueuedJob(job.get("state").asString(), text(job, "error"), history);
    }

    /** The states of the history, oldest first. */
    List<String> states() {
        return history.stream().map(Entry::state).toList();
    }

    long count(String stateName) {
        return history.stream().filter(entry -> entry.state().equals(stateName)).count();
    }

    /**
     * Reads the job through {@code client} until {@code until} holds. The jobs move on JobRunr's
     * own schedule (a 5 s poll at least), so the test reads the database again and again; the
     * bound only ends a test that would otherwise never end.
     */
    static QueuedJob await(HttpClient client, String id, String what, Predicate<QueuedJob> until) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        QueuedJob last = null;
        while (System.nanoTime() < deadline) {
            var answer = client.get("/queue/jobs/" + id);
            if (answer.code() == 200) {
                last = of(answer.body().string());
                if (until.test(last)) {
                    return last;
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // the next look at the database; nothing is timed by it
        }
        throw new AssertionError("job " + id + " never became " + what + " within " + PATIENCE.toSeconds() + " s; last seen: " + last);
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asString() : "";
    }
}
