package dev.asyncjavalin.ch08;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The job queue on JobRunr, one instance at a time: what a failing job and a restart leave in the
 * database. Jobs move on JobRunr's schedule (it asks the database for work every 5 s), so the
 * tests wait for states by reading them ({@link QueuedJob#await}); the work itself waits for the
 * test's signal ({@link HeldWork}), never for a clock.
 */
class JobQueueTest {

    private static QueueDatabase database;

    @BeforeAll
    static void startDatabase() throws SQLException {
        database = QueueDatabase.h2();
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @AfterEach
    void everyInstanceStopped() throws InterruptedException {
        JobRunrThreads.assertNoneLeft();
    }

    private static Settings instance(String url, CpuWork work, int retries) {
        return Settings.defaults().withWork(work).withQueue(new QueueSettings(url, true, retries, 0));
    }

    // tag::retried[]
    @Test
    @DisplayName("a failing job is tried again after a wait, then ends FAILED with its step's message")
    void failingJobIsRetriedThenFailed() throws SQLException {
        Settings settings = instance(database.fresh(), input -> "hashed(" + input + ")", 1);
        JavalinTest.test(App.create(settings), (server, client) -> {
            var accepted = client.post("/queue/jobs?steps=3&fail_at=2");
            assertThat(accepted.code()).isEqualTo(202);
            String location = accepted.headers().get("Location").get(0);
            String id = location.substring("/queue/jobs/".length());
            assertThat(accepted.body().string()).contains("\"id\":\"" + id + "\"");

            QueuedJob failed = QueuedJob.await(client, id, "FAILED after its retry",
                    job -> job.state().equals("FAILED") && job.count("FAILED") == 2);

            assertThat(failed.error()).isEqualTo("step 2 of 3 failed: this job was asked to fail here");
            assertThat(client.get(location).body().string()).as("no class name, no stack trace")
                    .doesNotContain("IllegalStateException", "\tat ", "dev.asyncjavalin");
            assertThat(failed.states()).containsSubsequence("ENQUEUED", "PROCESSING", "FAILED", "SCHEDULED", "ENQUEUED", "PROCESSING", "FAILED");
            assertThat(failed.history()).filteredOn(entry -> entry.state().equals("SCHEDULED"))
                    .extracting(QueuedJob.Entry::reason).containsExactly("Retry 1 of 1");
        });
    }
    // end::retried[]

    // tag::restart[]
    @Test
    @DisplayName("a job running when the app stops is tried again after the app starts")
    void jobSurvivesRestart() throws SQLException {
        String url = database.fresh();
        HeldWork held = new HeldWork();
        String[] id = new String[1];
        JavalinTest.test(App.create(instance(url, held, 2)), (server, client) -> {
            String location = client.post("/queue/jobs?steps=2").headers().get("Location").get(0);
            id[0] = location.substring("/queue/jobs/".length());
            held.awaitStarted(1); // step 1 is running, and held
        }); // the app stops here: its job is interrupted, recorded as failed, and a retry is scheduled

        JavalinTest.test(App.create(instance(url, input -> "hashed(" + input + ")", 2)), (server, client) -> {
            QueuedJob done = QueuedJob.await(client, id[0], "SUCCEEDED after the restart", job -> job.state().equals("SUCCEEDED"));

            assertThat(done.states()).containsSubsequence("PROCESSING", "FAILED", "SCHEDULED", "ENQUEUED", "PROCESSING", "SUCCEEDED");
            assertThat(done.history()).filteredOn(entry -> entry.state().equals("FAILED"))
                    .extracting(QueuedJob.Entry::error).containsExactly("the app stopped during step 1 of 2");
        });
    }
    // end::restart[]

    @Test
    @DisplayName("a job id that is not a UUID is a 400 that says so; an unknown one is a 404")
    void badAndUnknownIds() throws SQLException {
        Settings settings = Settings.defaults().withQueue(new QueueSettings(database.fresh(), false, 0, 0));
        JavalinTest.test(App.create(settings), (server, client) -> {
            var bad = client.get("/queue/jobs/42");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(bad.body().string()).contains("UUID", "'42'").doesNotContain("Exception");

            var unknown = client.get("/queue/jobs/3b241101-e2bb-4255-8caf-4136c566a962");
            assertThat(unknown.code()).isEqualTo(404);
            assertThat(unknown.body().string()).contains("There is no job 3b241101-e2bb-4255-8caf-4136c566a962");

            var tooMany = client.post("/queue/jobs?steps=501");
            assertThat(tooMany.code()).isEqualTo(400);
            assertThat(tooMany.body().string()).contains("'steps'", "from 1 to 500");
        });
    }

    @Test
    @DisplayName("with the queue on, the home page offers queued jobs and says how to turn the dashboard on")
    void homeOffersQueuedJobs() throws SQLException {
        Settings settings = Settings.defaults().withQueue(new QueueSettings(database.fresh(), false, 0, 0));
        JavalinTest.test(App.create(settings), (server, client) -> {
            assertThat(client.get("/").body().string()).contains("action=\"/queue/jobs?steps=", "JOBS_DASHBOARD_PORT");
        });
    }
}
