package dev.asyncjavalin.ch04;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Many clients at once: every request is sent before any answer is awaited, and each has its
 * own timeout, so a test that goes wrong fails with a message instead of hanging.
 */
final class Clients {

    /** One client's outcome: the status and body, or status 0 and what went wrong. */
    record Answer(int status, String body) {
    }

    private Clients() {
    }

    static List<Answer> getAtOnce(int port, String path, int count, Duration timeout) {
        return sendAtOnce(port, path, count, timeout).join(); // each ends by its own timeout at the latest
    }

    /** Sends {@code count} requests and returns at once; the future completes when every one has its answer. */
    static CompletableFuture<List<Answer>> sendAtOnce(int port, String path, int count, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(timeout).build();
        List<CompletableFuture<Answer>> answers = IntStream.range(0, count)
                .mapToObj(i -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        .thenApply(response -> new Answer(response.statusCode(), response.body()))
                        .exceptionally(failure -> new Answer(0, "no answer: " + failure)))
                .toList();
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(allAnswered -> answers.stream().map(CompletableFuture::join).toList());
    }
}
