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
                assertThat(first.headers().firstValue("Retry-After")).as("Exercise 8.1: the Retry-After header, in whole seconds")
                        .hasValueSatisfying(seconds -> assertThat(seconds).containsOnlyDigits().isNotEqualTo("0"));
                assertThat(first.body()).as("Exercise 8.1: the message of the 503").containsIgnoringCase("try again");
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
                assertThat(refused.headers().get("Retry-After")).as("Exercise 8.1: the Retry-After header").containsExactly("5");
                assertThat(body).as("Exercise 8.1: the message of the 503").containsIgnoringCase("try again");
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
