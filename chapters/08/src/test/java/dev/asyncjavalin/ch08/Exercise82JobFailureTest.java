package dev.asyncjavalin.ch08;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
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

            JobStatus ended = finished.take(); // the job thread has stopped working on it

            JobPage page = JobPage.of(client.get(location).body().string());
            assertThat(page.state()).as("Exercise 8.2: the state of a job whose step threw, as a poll sees it (running: the"
                    + " failure was never recorded; done: the loop went on after it, so return once it is recorded)").isEqualTo("failed");
            assertThat(page.done()).as("Exercise 8.2: steps done before the failing one").isEqualTo(2);
            assertThat(page.error()).as("Exercise 8.2: the error names the step and the reason (the exception's message)")
                    .contains("step 3 of 4 failed", "asked to fail");
            assertThat(page.error()).as("Exercise 8.2: the error a poller reads shows the exception's class name, which"
                    + " tells them nothing they can act on and tells an attacker what the server runs: give the message"
                    + " only, and log the exception").doesNotContain("IllegalStateException", "Exception:");
            assertThat(ended.state()).as("Exercise 8.2: the status the job ended with, which the app logs: the failed one"
                    + " (assign what record(...) returns to status)").isEqualTo(JobStatus.State.FAILED);
        });
    }
    // end::failed[]

    @Test
    @DisplayName("after a failed job the app and the next job carry on, on the same job thread")
    void nextJobCarriesOn() {
        List<Thread> stepThreads = new CopyOnWriteArrayList<>();
        Settings watched = settings.withWork(input -> {
            stepThreads.add(Thread.currentThread());
            return "hashed(" + input + ")";
        });
        JavalinTest.test(App.create(watched), (server, client) -> {
            client.post("/jobs?steps=2&fail_at=2"); // step 1 runs on the job thread, step 2 throws
            assertThat(finished.take().state()).as("Exercise 8.2: the status the first job ended with").isEqualTo(JobStatus.State.FAILED);

            client.post("/jobs?steps=2");
            assertThat(finished.take().state()).as("Exercise 8.2: the next job").isEqualTo(JobStatus.State.DONE);
            assertThat(stepThreads).as("Exercise 8.2: the threads that ran the steps of both jobs; a second one means the"
                    + " exception escaped run and ended the job thread, so the pool had to start a new one: once the"
                    + " failure is recorded, return instead of throwing").hasSize(3).containsOnly(stepThreads.get(0));
            assertThat(client.get("/hash_sync").code()).isEqualTo(200);
        });
    }
}
