package dev.asyncjavalin.ch08;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The job pattern: 202 with a Location at once, then the client polls. The test moves each job
 * forward with {@link HeldWork} and waits for "finished" on a queue the app reports to: no sleeps.
 */
class JobsTest {

    private final HeldWork work = new HeldWork();
    private final BlockingQueue<JobStatus> finished = new LinkedBlockingQueue<>();
    private final Settings settings = Settings.defaults().withWork(work).onJobFinished(finished::add);

    // tag::lifecycle[]
    @Test
    @DisplayName("POST /jobs answers 202 + Location at once; the job then runs step by step and ends done")
    void jobLifecycle() {
        JavalinTest.test(App.create(settings), (server, client) -> {
            var accepted = client.post("/jobs?steps=2");
            assertThat(accepted.code()).isEqualTo(202);
            assertThat(accepted.headers().get("Location")).containsExactly("/jobs/1");

            work.awaitStarted(1); // step 1 is computing, and held
            assertThat(JobPage.of(client.get("/jobs/1").body().string()))
                    .extracting(JobPage::state, JobPage::done, JobPage::steps).containsExactly("running", 0, 2);

            work.allow(1);
            work.awaitStarted(1); // step 1 finished, step 2 is computing
            assertThat(JobPage.of(client.get("/jobs/1").body().string()).done()).isEqualTo(1);

            work.allow(1);
            assertThat(finished.take().state()).isEqualTo(JobStatus.State.DONE);
            JobPage done = JobPage.of(client.get("/jobs/1").body().string());
            assertThat(done.state()).isEqualTo("done");
            assertThat(done.done()).isEqualTo(2);
            assertThat(done.result()).contains("hashed(job 1, item 2)");
        });
    }
    // end::lifecycle[]

    @Test
    @DisplayName("a second job waits as queued while the job thread is busy")
    void secondJobIsQueued() {
        JavalinTest.test(App.create(settings), (server, client) -> {
            client.post("/jobs?steps=1");
            work.awaitStarted(1);
            var second = client.post("/jobs?steps=1");

            assertThat(second.headers().get("Location")).containsExactly("/jobs/2");
            assertThat(JobPage.of(client.get("/jobs/2").body().string()).state()).isEqualTo("queued");

            work.allowAll();
            assertThat(finished.take().id()).isEqualTo(1);
            assertThat(finished.take().id()).isEqualTo(2);
            assertThat(JobPage.of(client.get("/jobs/2").body().string()).state()).isEqualTo("done");
        });
    }

    @Test
    @DisplayName("an unknown job id is a 404 that says there is no such job")
    void unknownJob() {
        JavalinTest.test(App.create(settings), (server, client) -> {
            var response = client.get("/jobs/42");
            assertThat(response.code()).isEqualTo(404);
            assertThat(response.body().string()).contains("There is no job 42", "POST /jobs");
            assertThat(client.get("/jobs/forty-two").code()).isEqualTo(404);
            // an id is ASCII digits: Long.parseLong would also read "+1" and "１" as job 1
            client.post("/jobs?steps=1");
            assertThat(client.get("/jobs/%2B1").code()).as("/jobs/+1").isEqualTo(404);
            assertThat(client.get("/jobs/%EF%BC%91").code()).as("/jobs/１ (a fullwidth 1)").isEqualTo(404);
        });
    }

    @Test
    @DisplayName("?steps= and ?fail_at= outside their ranges are 400s naming the parameter")
    void badParametersAreExplained() {
        JavalinTest.test(App.create(settings), (server, client) -> {
            var tooMany = client.post("/jobs?steps=501");
            assertThat(tooMany.code()).isEqualTo(400);
            assertThat(tooMany.body().string()).contains("'steps'", "from 1 to 500");
            var failAfterEnd = client.post("/jobs?steps=3&fail_at=4");
            assertThat(failAfterEnd.code()).isEqualTo(400);
            assertThat(failAfterEnd.body().string()).contains("'fail_at'", "from 0 to 3");
        });
    }

    @Test
    @DisplayName("stopping the app stops the job thread: the running job ends as failed after its step")
    void stopEndsRunningJob() throws InterruptedException {
        JavalinTest.test(App.create(settings), (server, client) -> {
            client.post("/jobs?steps=3");
            work.awaitStarted(1);
        }); // the app stops here, while step 1 is held

        JobStatus last = finished.take();
        assertThat(last.state()).isEqualTo(JobStatus.State.FAILED);
        assertThat(last.error()).isEqualTo("step 2 of 3 failed: the app stopped before this step");
    }
}
