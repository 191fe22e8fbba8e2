package dev.asyncjavalin.ch09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.asyncjavalin.ch09.Results.LoadRow;
import dev.asyncjavalin.ch09.Results.TimingRow;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.bench.LoadGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The benchmark measures a server outside this JVM by URL: here a fake one, a JDK HTTP server
 * that answers every route with a "URLs:" page at once, so nothing depends on timing.
 */
class ExternalRowsTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    @AutoClose
    private final LoadGenerator clients = new LoadGenerator(8, Duration.ofSeconds(5));
    private final Harness harness = new Harness(new PrintStream(printed, true, StandardCharsets.UTF_8), clients);
    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.builder().pages(3).start(); // only its address is used

    // tag::fakeServer[]
    @Test
    @DisplayName("the table measures each route of an external server on a fresh start against the part's upstream, then stops it")
    void tableRows() {
        FakeServer fake = new FakeServer("200");

        List<TimingRow> rows = new ExternalRows(harness, List.of(fake)).table(upstream, 2, 3);

        assertThat(rows).extracting(TimingRow::model).containsExactly("Fake sync", "Fake async");
        assertThat(rows).extracting(TimingRow::route).containsExactly("/sync_get_urls", "/async_get_urls_v2");
        assertThat(rows).allSatisfy(row -> assertThat(row.wallMs()).hasSize(2));
        assertThat(rows.get(0).speedup()).as("vs the server's own first route").isEqualTo(1.0);
        assertThat(fake.startedWith).containsExactly(upstream.baseUrl() + " 3", upstream.baseUrl() + " 3");
        assertThat(fake.stopped).hasValue(2);
        assertThat(fake.requests).containsEntry("/sync_get_urls", 3).containsEntry("/async_get_urls_v2", 3); // a warm-up and 2
    }
    // end::fakeServer[]

    @Test
    @DisplayName("a page with a failed row stops the table with the route's name, and the server is stopped all the same")
    void failedRow() {
        FakeServer fake = new FakeServer("timeout");

        assertThatThrownBy(() -> new ExternalRows(harness, List.of(fake)).table(upstream, 1, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Fake sync")
                .hasMessageContaining("an upstream call in it failed");
        assertThat(fake.stopped).hasValue(fake.startedWith.size());
    }

    @Test
    @DisplayName("under load, a row per route with the server's threads, its bound threads / latency, and its CPU added")
    void loadRows() {
        FakeServer fake = new FakeServer("200");

        List<LoadRow> rows;
        try (SlowUpstream onePage = SlowUpstream.builder().pages(1).start()) { // the load part's upstream has one page
            rows = new ExternalRows(harness, List.of(fake)).load(onePage, 4, Duration.ofMillis(100), Duration.ofMillis(100));
        }

        assertThat(rows).extracting(LoadRow::served).containsExactly("Fake sync", "Fake async");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.threads()).isEqualTo("fake: 5 threads");
            assertThat(row.bound()).as("5 threads / 100 ms").isEqualTo(50.0);
            assertThat(row.errors()).isZero();
            assertThat(row.answers()).isGreaterThanOrEqualTo(4); // every client sends at least one
            // the fake reports a minute more CPU at every look: far more than all cores for the whole run
            assertThat(row.cpuPercent()).isGreaterThan(100);
        });
        assertThat(fake.stopped).hasValue(2);
    }

    /** Two routes; every page lists 3 rows with {@code status}; its processes "use" a minute of CPU per look. */
    private static final class FakeServer implements ExternalServer {

        final List<String> startedWith = new CopyOnWriteArrayList<>();
        final AtomicInteger stopped = new AtomicInteger();
        final Map<String, Integer> requests = new ConcurrentHashMap<>();
        private final String status;

        FakeServer(String status) {
            this.status = status;
        }

        @Override
        public String describe() {
            return "a fake";
        }

        @Override
        public List<Route> routes() {
            return List.of(new Route("Fake sync", "/sync_get_urls"), new Route("Fake async", "/async_get_urls_v2"));
        }

        @Override
        public String threads() {
            return "fake: 5 threads";
        }

        @Override
        public int threadsForRequests() {
            return 5;
        }

        @Override
        public Running start(String upstreamBaseUrl, int pages) {
            startedWith.add(upstreamBaseUrl + " " + pages);
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> answer(exchange, pages));
            server.start();
            AtomicLong cpu = new AtomicLong();
            return new Running() {
                @Override
                public String baseUrl() {
                    return "http://127.0.0.1:" + server.getAddress().getPort();
                }

                @Override
                public long cpuNanos() {
                    return cpu.addAndGet(Duration.ofMinutes(1).toNanos());
                }

                @Override
                public void close() {
                    server.stop(0);
                    stopped.incrementAndGet();
                }
            };
        }

        private void answer(HttpExchange exchange, int pages) throws IOException {
            requests.merge(exchange.getRequestURI().getPath(), 1, Integer::sum);
            StringBuilder html = new StringBuilder("<p>URLs:</p><table>");
            for (int page = 1; page <= pages; page++) {
                html.append("<tr class=\"result\" data-url=\"/recipes/").append(page).append("\" data-status=\"").append(status).append("\">");
            }
            byte[] body = html.append("</table>").toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }
    }
}
