package dev.asyncjavalin.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SlowUpstreamTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SlowUpstream upstream;

    @AfterEach
    void stop() {
        if (upstream != null) {
            upstream.close();
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("the same seed draws the same latencies, within the configured range")
    void seededLatenciesRepeat() {
        upstream = SlowUpstream.start();
        try (SlowUpstream twin = SlowUpstream.start()) {
            assertThat(upstream.latencies()).isEqualTo(twin.latencies()).hasSize(10);
        }
        assertThat(upstream.latencies()).allSatisfy(latency ->
                assertThat(latency).isBetween(Duration.ofMillis(200), Duration.ofMillis(1500)));
        try (SlowUpstream other = SlowUpstream.builder().seed(7).start()) {
            assertThat(other.latencies()).isNotEqualTo(upstream.latencies());
        }
    }

    @Test
    @DisplayName("a recipe page names its dish in the title")
    void recipePage() throws Exception {
        upstream = SlowUpstream.builder().fixedLatency(Duration.ZERO).start();
        HttpResponse<String> page = get(upstream.recipeUrls().get(2));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Recipe 3: Ratatouille</title>");
        assertThat(get(upstream.url("/recipes/11")).statusCode()).isEqualTo(404);
        assertThat(get(upstream.url("/recipes/abc")).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("barrier mode answers all K requests once K are in flight together")
    void barrierReleasesWhenAllArrive() {
        upstream = SlowUpstream.builder().barrier(8).start();
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.rangeClosed(1, 8)
                .mapToObj(page -> http.sendAsync(HttpRequest.newBuilder(URI.create(upstream.url("/recipes/" + page))).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        assertThat(responses).allSatisfy(response ->
                assertThat(response).succeedsWithin(Duration.ofSeconds(10)).extracting(HttpResponse::statusCode).isEqualTo(200));
        assertThat(upstream.maxInFlight()).isEqualTo(8);
    }

    @Test
    @DisplayName("barrier mode answers 504 and stays broken when requests come one at a time")
    void barrierBreaksForSequentialCallers() throws Exception {
        upstream = SlowUpstream.builder().barrier(3, Duration.ofMillis(100)).start();
        HttpResponse<String> first = get(upstream.url("/recipes/1"));
        assertThat(first.statusCode()).isEqualTo(504);
        assertThat(first.body()).contains("only 1 arrived", "did not run concurrently");
        assertThat(get(upstream.url("/recipes/2")).statusCode()).isEqualTo(504);
    }

    @Test
    @DisplayName("fault modes: 500, dropped connection, a body too big to want, a script in the title")
    void faults() throws Exception {
        upstream = SlowUpstream.start();
        assertThat(get(upstream.url("/error")).statusCode()).isEqualTo(500);
        assertThatThrownBy(() -> get(upstream.url("/reset"))).isInstanceOf(IOException.class);
        HttpResponse<byte[]> huge = http.send(HttpRequest.newBuilder(URI.create(upstream.url("/huge?mb=2"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(huge.body().length).isGreaterThan(2 * 1024 * 1024);
        assertThat(get(upstream.url("/script")).body()).contains("<title><script>");
        assertThat(get(upstream.url("/slow?ms=abc")).statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("/redirect answers 302 to a path or a loopback URL, and refuses any other host")
    void redirectStaysOnThisMachine() throws Exception {
        upstream = SlowUpstream.start();
        HttpResponse<String> toPath = get(upstream.url("/redirect?to=/recipes/1"));
        assertThat(toPath.statusCode()).isEqualTo(302);
        assertThat(toPath.headers().firstValue("Location")).hasValue("/recipes/1");
        String loopback = "http://localhost:9/x?a=1&b=2";
        assertThat(get(upstream.url("/redirect?to=" + URLEncoder.encode(loopback, StandardCharsets.UTF_8))).headers().firstValue("Location"))
                .hasValue(loopback);
        for (String elsewhere : List.of("http://example.com/", "//example.com/x", "ftp://127.0.0.1/", "http://127.0.0.1.example.com/", "")) {
            HttpResponse<String> refused = get(upstream.url("/redirect?to=" + URLEncoder.encode(elsewhere, StandardCharsets.UTF_8)));
            assertThat(refused.statusCode()).as(elsewhere).isEqualTo(400);
            assertThat(refused.body()).contains("loopback");
        }
        assertThat(get(upstream.url("/redirect")).body()).contains("'to' is required");
    }

    @Test
    @DisplayName("/hang never answers: the client's own timeout is the only way out")
    void hangNeverAnswers() {
        upstream = SlowUpstream.start();
        HttpRequest request = HttpRequest.newBuilder(URI.create(upstream.url("/hang"))).timeout(Duration.ofMillis(200)).build();
        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    @DisplayName("/hang drops the connection, unanswered, at its limit: cancelled calls do not pile up sockets")
    void hangDropsTheConnectionAtItsLimit() throws InterruptedException {
        upstream = SlowUpstream.builder().hangLimit(Duration.ofMillis(100)).start();
        HttpRequest request = HttpRequest.newBuilder(URI.create(upstream.url("/hang"))).timeout(Duration.ofSeconds(10)).build();
        // dropped without a status line: the client sees the connection end, long before its own 10 s
        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
        // the JDK client may send a GET once more on a new connection when the first one closed unanswered;
        // the upstream counts an exchange as finished just after closing it, so wait for that count
        assertThat(upstream.awaitFinished(upstream.received(), Duration.ofSeconds(5))).as("every hung request dropped").isTrue();
        assertThat(upstream.finished()).as("hung requests dropped, of those received").isPositive().isEqualTo(upstream.received());
    }

    @Test
    @DisplayName("fault URLs include a port where nothing listens")
    void refusedPort() {
        upstream = SlowUpstream.start();
        HttpRequest request = HttpRequest.newBuilder(URI.create(upstream.faultUrls().get("nothing listening"))).build();
        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }
}
