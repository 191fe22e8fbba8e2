package dev.asyncjavalin.ch08;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("8.2 a failing step ends its job as failed")
class Exercise82JobFailureTest {

    private final BlockingQueue<JobStatus> finished = new LinkedBlockingQueue<>();
    private final Settings settings = Settings.defaults().withWork(input -> "hashed(" + input + ")").onJobFinished(finished::add);

    // tag::failed[]
    @Test
    @DisplayName("a job whose step 3 throws ends as failed, naming the step and the reason")
    void failingStepFailsTheJob() {
        JavalinTest.test(App.create(settings), (server, client) -> {
            String location = client.post("/jobs?steps=4&fail_at=3").headers().get("Location").get(0);
            finished.take(); // the job thread has stopped working on it

            JobPage page = JobPage.of(client.get(location).body().string());
            assertThat(page.state()).as("Exercise 8.2: the state of a job whose step threw").isEqualTo("failed");
            assertThat(page.done()).as("Exercise 8.2: steps done before the failing one").isEqualTo(2);
            assertThat(page.error()).as("Exercise 8.2: the error names the step and the reason")
                    .contains("step 3 of 4 failed", "asked to fail");
        });
    }
    // end::failed[]

    @Test
    @DisplayName("after a failed job the app and the next job carry on")
    void nextJobCarriesOn() {
        JavalinTest.test(App.create(settings), (server, client) -> {
            client.post("/jobs?steps=2&fail_at=1");
            assertThat(finished.take().state()).as("Exercise 8.2: the first job failed").isEqualTo(JobStatus.State.FAILED);

            client.post("/jobs?steps=2");
            assertThat(finished.take().state()).as("the next job").isEqualTo(JobStatus.State.DONE);
            assertThat(client.get("/hash_sync").code()).isEqualTo(200);
        });
    }
}
