package dev.asyncjavalin.ch08;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the app on one database share one queue. {@link SharedQueueOnH2Test} runs
 * these on H2 served over TCP; {@link SharedQueueOnPostgresTest} on PostgreSQL, when given one.
 * Each instance has work of its own that records what it computed, so a test knows which instance
 * ran a job by the job's id in that record, not by timing.
 */
abstract class SharedQueueTest {

    /** A database with no jobs in it, that every instance of one test shares. */
    abstract String freshDatabase() throws Exception;

    @AfterEach
    void everyInstanceStopped() throws InterruptedException {
        JobRunrThreads.assertNoneLeft();
    }

    private static Settings instance(String url, CpuWork work, boolean processesJobs) {
        return Settings.defaults().withWork(work).withQueue(new QueueSettings(url, processesJobs, QueueSettings.DEFAULT_RETRIES, 0));
    }

    /** Work that finishes at once and remembers every input it was given ("job {id}, item {step}"). */
    private static CpuWork recordingInto(Queue<String> computed) {
        return input -> {
            computed.add(input);
            return "hashed(" + input + ")";
        };
    }

    // tag::shared[]
    @Test
    @DisplayName("a job submitted to one instance is run by the other")
    void jobSubmittedToOneIsRunByTheOther() throws Exception {
        String url = freshDatabase();
        Queue<String> computedByWorker = new ConcurrentLinkedQueue<>();
        JavalinTest.test(App.create(instance(url, input -> "never", false)), (web, webClient) -> {             // takes requests only
            JavalinTest.test(App.create(instance(url, recordingInto(computedByWorker), true)), (worker, workerClient) -> {
                String id = webClient.post("/queue/jobs?steps=2").headers().get("Location").get(0).substring("/queue/jobs/".length());

                QueuedJob done = QueuedJob.await(webClient, id, "SUCCEEDED", job -> job.state().equals("SUCCEEDED"));

                assertThat(computedByWorker).containsExactly("job " + id + ", item 1", "job " + id + ", item 2");
                assertThat(done.states()).containsSubsequence("ENQUEUED", "PROCESSING", "SUCCEEDED");
                assertThat(workerClient.get("/queue/jobs/" + id).body().string()).contains("\"state\":\"SUCCEEDED\"");
            });
        });
    }
    // end::shared[]

    // tag::dies[]
    @Test
    @DisplayName("a job whose instance dies is finished by the other instance")
    void jobOfDeadInstanceIsFinishedByTheOther() throws Exception {
        String url = freshDatabase();
        HeldWork survivorWork = new HeldWork();
        // the survivor starts first, so it is JobRunr's master: it is the one that looks for orphaned jobs
        JavalinTest.test(App.create(instance(url, survivorWork, true)), (server, client) -> {
            String first = idOf(client.post("/queue/jobs?steps=1"));
            survivorWork.awaitStarted(1); // the survivor's one worker is busy: the next job can only go to the other instance

            Process doomed = startDoomedInstance(url);
            try {
                String doomedServer = firstLine(doomed).substring("server ".length());
                String second = idOf(client.post("/queue/jobs?steps=1"));
                QueuedJob.await(client, second, "PROCESSING on the doomed instance",
                        job -> job.history().stream().anyMatch(entry -> entry.serverId().equals(doomedServer)));

                doomed.destroyForcibly().waitFor(); // SIGKILL: no stop hook, nothing recorded, as when a machine dies
                survivorWork.allowAll();

                QueuedJob done = QueuedJob.await(client, second, "SUCCEEDED on the survivor", job -> job.state().equals("SUCCEEDED"));
                assertThat(done.history()).filteredOn(entry -> entry.state().equals("FAILED"))
                        .extracting(QueuedJob.Entry::error).singleElement().asString().contains("too long in PROCESSING state");
                assertThat(done.history()).filteredOn(entry -> entry.state().equals("PROCESSING"))
                        .extracting(QueuedJob.Entry::serverId).first().isEqualTo(doomedServer);
                assertThat(done.history()).filteredOn(entry -> entry.state().equals("PROCESSING"))
                        .extracting(QueuedJob.Entry::serverId).last().isNotEqualTo(doomedServer);
                QueuedJob.await(client, first, "SUCCEEDED", job -> job.state().equals("SUCCEEDED"));
            } finally {
                doomed.destroyForcibly().waitFor();
            }
        });
    }
    // end::dies[]

    private static String idOf(io.javalin.testtools.Response accepted) {
        assertThat(accepted.code()).isEqualTo(202);
        return accepted.headers().get("Location").get(0).substring("/queue/jobs/".length());
    }

    /** {@link DoomedInstance} in a JVM of its own, on this test's class path; its log goes to target/. */
    private static Process startDoomedInstance(String url) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DoomedInstance.class.getName(), url)
                .redirectError(Path.of("target", "doomed-instance.log").toFile())
                .start();
    }

    private static String firstLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine(); // the JUnit timeout of the build guards against never
        if (line == null) {
            throw new AssertionError("the doomed instance exited before it started: see target/doomed-instance.log");
        }
        return line;
    }
}
