package dev.asyncjavalin.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.asyncjavalin.lab.SlowUpstream;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Counts, not timings: what the generator sent, what it counted as answered, refused or failed. */
class LoadGeneratorTest {

    private static SlowUpstream upstream;
    private static LoadGenerator clients;

    @BeforeAll
    static void start() {
        upstream = SlowUpstream.builder().pages(1).fixedLatency(Duration.ofMillis(1)).start();
        clients = new LoadGenerator(4);
    }

    @AfterAll
    static void stop() {
        clients.close();
        upstream.close();
    }

    @Test
    @DisplayName("every client sends its requests one after another: 3 clients x 4 requests are 12 answers, none failed")
    void requestsPerClient() {
        LoadGenerator.Run run = clients.requests(new Request.Builder().url(upstream.url("/recipes/1")).build(), 3, 4, body -> true,
                Progress.silent());
        assertThat(run.answered()).isEqualTo(12);
        assertThat(run.latencyMs()).hasSize(12);
        assertThat(run.errors()).isZero();
        assertThat(run.throughput()).as("no window was asked for").isNaN();
    }

    @Test
    @DisplayName("an error status and a body that fails the check are problems, each named; a shared count stops at the total")
    void problems() {
        LoadGenerator.Run errors = clients.shared(upstream.url("/error"), 3, 5, body -> true, Progress.silent());
        assertThat(errors.latencyMs()).hasSize(5);
        assertThat(errors.answered()).as("an error page is an answer").isEqualTo(5);
        assertThat(errors.problems()).hasSize(5).allMatch(problem -> problem.startsWith("HTTP 500"));

        LoadGenerator.Run rejected = clients.sequence(upstream.url("/recipes/1"), 2, body -> false, Progress.silent());
        assertThat(rejected.firstError()).isEqualTo("HTTP 200, but an upstream call in it failed");
        assertThat(rejected.errors()).isEqualTo(2);
    }

    @Test
    @DisplayName("a 503 is waited out as Retry-After asks and sent again: counted as refused, not as a problem")
    void refusedThenAnswered() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        HttpServer busyOnce = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        busyOnce.createContext("/", exchange -> {
            boolean refuse = calls.incrementAndGet() == 1;
            byte[] body = (refuse ? "busy" : "ok").getBytes(StandardCharsets.UTF_8);
            if (refuse) {
                // 1 s, the least that OkHttp does not retry by itself (it sends a "Retry-After: 0" again at once)
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            exchange.sendResponseHeaders(refuse ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        busyOnce.start();
        try {
            String url = "http://localhost:" + busyOnce.getAddress().getPort() + "/";
            LoadGenerator.Run run = clients.shared(url, 1, 2, "ok"::equals, Progress.silent());
            assertThat(run.refused()).isEqualTo(1);
            assertThat(run.errors()).isZero();
            assertThat(run.latencyMs()).hasSize(2);
            assertThat(calls).hasValue(3);
        } finally {
            busyOnce.stop(0);
        }
    }

    @Test
    @DisplayName("after a warm-up round that is not counted, every client sends its requests: 3 clients x 2 requests are 6 answers")
    void warmUpNotCounted() {
        int servedBefore = upstream.served();
        LoadGenerator.Run run = clients.requestsAfterWarmUp(upstream.url("/recipes/1"), 3, 2, body -> true);
        assertThat(run.latencyMs()).hasSize(6);
        assertThat(run.answered()).isEqualTo(6);
        assertThat(upstream.served() - servedBefore).as("the upstream served the warm-up round too: 3 + 6").isEqualTo(9);
    }

    @Test
    @DisplayName("a run's median and percentiles are those of Stats over its whole-millisecond latencies")
    void runSummary() {
        LoadGenerator.Run run = new LoadGenerator.Run(List.of(10.4, 30.0, 19.6, 40.0), Double.NaN, Duration.ofSeconds(1), 4, 0, List.of(), 0);
        assertThat(run.medianMillis()).as("(20 + 30) / 2").isEqualTo(25);
        assertThat(run.percentileMillis(50)).isEqualTo(20);
        assertThat(run.percentileMillis(100)).isEqualTo(40);
    }

    @Test
    @DisplayName("problems are counted once per reason, the reasons in alphabetical order")
    void problemCounts() {
        List<String> problems = List.of("timeout", "HTTP 500", "timeout", "HTTP 500", "timeout");
        LoadGenerator.Run run = new LoadGenerator.Run(List.of(), Double.NaN, Duration.ZERO, 0, 0, problems, 0);
        assertThat(run.problemCounts()).containsExactly(Map.entry("HTTP 500", 2L), Map.entry("timeout", 3L));
    }

    @Test
    @DisplayName("onApp hands the work the app's base URL, and stops the app even when the work fails")
    void onAppStopsTheApp() {
        Javalin app = Javalin.create(config -> config.startup.startupWatcherEnabled = false).start("localhost", 0);
        String expected = "http://localhost:" + app.port();
        assertThatThrownBy(() -> clients.onApp(app, base -> {
            assertThat(base).isEqualTo(expected);
            throw new IllegalStateException("the run failed");
        })).hasMessage("the run failed");
        assertThat(app.jettyServer().server().isStopped()).isTrue();
    }
}
