package dev.asyncjavalin.ch08;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("8.1 a full pool answers 503 with Retry-After")
class Exercise81BackpressureTest {

    private static final String RETRY_AFTER_MISSING = "Exercise 8.1: a 503 without a Retry-After header: a polite client"
            + " needs it to know when to come back";
    private static final String RETRY_AFTER_WRONG = "Exercise 8.1: Retry-After must be busy.retryAfter() in whole seconds"
            + " (the %s asks for %d), not a number of your own or milliseconds";
    private static final String SAYS_WHAT_IS_FULL = "Exercise 8.1: the 503 should say what is full: busy.getMessage()"
            + " tells the CPU pool from the job queue";

    // HTTP/1.1: one connection per request in flight, so the requests really are at the server together
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    // tag::backpressure[]
    @Test
    @DisplayName("2 threads busy and 2 requests queued: the next one gets 503 + Retry-After, the held ones then get 200")
    void fullCpuPoolAnswers503() {
        HeldWork work = new HeldWork();
        Settings settings = Settings.defaults().withCpuPool(2, 2).withWork(work);
        JavalinTest.test(App.create(settings), (server, client) -> {
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            try {
                all.add(hashAsync(server.port(), "a"));
                all.add(hashAsync(server.port(), "b"));
                work.awaitStarted(2); // both CPU threads are computing, and held
                List<CompletableFuture<HttpResponse<String>>> late = List.of(
                        hashAsync(server.port(), "c"), hashAsync(server.port(), "d"), hashAsync(server.port(), "e"));
                all.addAll(late);
                // two of the late ones wait in the queue and cannot finish while the work is held:
                // the first answer to arrive is the one that found no room
                HttpResponse<String> first = firstAnswer(late);

                assertThat(first.statusCode()).as("Exercise 8.1: status of the request that found the pool full (body: %s)", first.body())
                        .isEqualTo(503);
                assertThat(first.headers().firstValue("Retry-After")).as(RETRY_AFTER_MISSING).isPresent();
                assertThat(first.headers().firstValue("Retry-After")).as(RETRY_AFTER_WRONG, "CPU pool", CpuPool.RETRY_AFTER.toSeconds())
                        .contains(String.valueOf(CpuPool.RETRY_AFTER.toSeconds()));
                assertThat(first.body()).as("Exercise 8.1: the message of the 503 says to try again").containsIgnoringCase("try again");
                assertThat(first.body()).as(SAYS_WHAT_IS_FULL).contains("CPU threads are busy");
            } finally {
                work.allowAll(); // never leave the pool held, whatever failed above
            }
            List<Integer> statuses = all.stream().map(response -> response.join().statusCode()).sorted().toList();
            assertThat(statuses).as("Exercise 8.1: every request that got a place is answered").containsExactly(200, 200, 200, 200, 503);
        });
    }
    // end::backpressure[]

    @Test
    @DisplayName("a full job queue answers POST /jobs with 503 + Retry-After too")
    void fullJobQueueAnswers503() {
        HeldWork work = new HeldWork();
        JavalinTest.test(App.create(Settings.defaults().withWork(work)), (server, client) -> {
            try {
                assertThat(client.post("/jobs?steps=1").code()).isEqualTo(202);
                work.awaitStarted(1); // the job thread is busy
                for (int queued = 1; queued <= Jobs.QUEUE_CAPACITY; queued++) {
                    assertThat(client.post("/jobs?steps=1").code()).isEqualTo(202);
                }
                var refused = client.post("/jobs?steps=1");
                String body = refused.body().string();

                assertThat(refused.code()).as("Exercise 8.1: status of POST /jobs with the job queue full (body: %s)", body).isEqualTo(503);
                assertThat(refused.headers().get("Retry-After")).as(RETRY_AFTER_MISSING).isNotEmpty();
                assertThat(refused.headers().get("Retry-After")).as(RETRY_AFTER_WRONG, "job queue", Jobs.RETRY_AFTER.toSeconds())
                        .containsExactly(String.valueOf(Jobs.RETRY_AFTER.toSeconds()));
                assertThat(body).as("Exercise 8.1: the message of the 503 says to try again").containsIgnoringCase("try again");
                assertThat(body).as(SAYS_WHAT_IS_FULL).contains("places in the job queue are taken");
            } finally {
                work.allowAll();
            }
        });
    }

    @SuppressWarnings("unchecked") // anyOf loses the type; every future in the list has this one
    private static HttpResponse<String> firstAnswer(List<CompletableFuture<HttpResponse<String>>> responses) {
        return (HttpResponse<String>) CompletableFuture.anyOf(responses.toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<HttpResponse<String>> hashAsync(int port, String input) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/hash_async?input=" + input)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
