package dev.asyncjavalin.ch09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asyncjavalin.lab.CommandLine;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.testing.ResultRows;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The article's Flask app itself (flask/app.py), under gunicorn. Python and Flask are optional for
 * a learner: without them every test here is skipped, with the message that says what to install.
 */
class FlaskAppTest {

    private static final Duration BARRIER_TIMEOUT = Duration.ofSeconds(5);
    @TempDir
    static Path logs;
    private static FlaskApp flask;
    private static String missing;

    @BeforeAll
    static void checkPythonAndFlask() {
        try {
            flask = FlaskApp.check(FlaskApp.python(), FlaskApp.appDirectory(), 1, 4, logs.resolve("gunicorn.log"));
        } catch (CommandLine.UsageException e) {
            missing = "Flask app not tested: " + e.getMessage();
        }
    }

    @BeforeEach
    void needsPythonAndFlask() {
        assumeTrue(missing == null, missing); // each test reported skipped, with the message
    }

    @Test
    @DisplayName("its three routes answer the Java routes' page: one result row per upstream page, in page order, all 200")
    void samePageShape() throws IOException {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(3).fixedLatency(Duration.ZERO).start();
                ExternalServer.Running running = flask.start(upstream.baseUrl(), 3)) {
            for (ExternalServer.Route route : flask.routes()) {
                String html = get(running.baseUrl() + route.path());

                assertThat(html).as(route.label()).contains("URLs:");
                assertThat(ResultRows.in(html)).as(route.label())
                        .extracting(ResultRows.Row::url).containsExactlyElementsOf(upstream.recipeUrls());
                assertThat(ResultRows.statuses(html)).as(route.label()).containsOnly("200");
            }
        }
    }

    // tag::barrier[]
    @Test
    @DisplayName("both async routes have all their calls in flight at once (a barrier of 3 answers them)")
    void asyncRoutesOverlap() throws IOException {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(3).barrier(3, BARRIER_TIMEOUT).start();
                ExternalServer.Running running = flask.start(upstream.baseUrl(), 3)) {
            for (String path : List.of("/async_get_urls_v1", "/async_get_urls_v2")) {
                // one route after the other: each request's 3 calls make one round of the barrier
                assertThat(ResultRows.statuses(get(running.baseUrl() + path))).as(path).containsExactly("200", "200", "200");
            }
            assertThat(upstream.maxInFlight()).isEqualTo(3);
        }
    }
    // end::barrier[]

    @Test
    @DisplayName("the sync route has one call in flight at a time, and a page that fails is a row, not an error page")
    void syncRouteCallsOneAfterAnother() throws IOException {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(3).barrier(3, Duration.ofMillis(300)).start();
                ExternalServer.Running running = flask.start(upstream.baseUrl(), 3)) {
            // the first call waits for two more that never come; the broken barrier then answers every call 504
            assertThat(ResultRows.statuses(get(running.baseUrl() + "/sync_get_urls"))).containsExactly("504", "504", "504");
            assertThat(upstream.maxInFlight()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("stopping it leaves no gunicorn process behind, master or worker")
    void stopsEveryProcess() {
        List<ProcessHandle> started;
        try (SlowUpstream upstream = SlowUpstream.builder().pages(1).start();
                ExternalServer.Running running = flask.start(upstream.baseUrl(), 1)) {
            started = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
            assertThat(started).as("the master and its worker").hasSizeGreaterThanOrEqualTo(2);
        }
        assertThat(started).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    @DisplayName("an upstream off this machine is refused: the start fails with the app's own words, and nothing keeps running")
    void neverTheInternet() {
        assertThatThrownBy(() -> flask.start("http://example.org", 3).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gunicorn did not start")
                .hasMessageContaining("never the internet");
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    private static String get(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(10_000);
        try (InputStream body = connection.getInputStream()) {
            assertThat(connection.getResponseCode()).as(url).isEqualTo(200);
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }
}
