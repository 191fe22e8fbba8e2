package dev.asyncjavalin.ch05;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.AlertSink;
import dev.asyncjavalin.lab.UpstreamUrls;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.eclipse.jetty.util.component.LifeCycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request log in a file: every row survives a stop under load and a restart, a committed row
 * survives a crash, and a stop that runs out of time answers what is left with a 503 and still
 * drains the log and closes the database.
 * A gate holds upstream calls until the test opens it; no clock decides anything.
 */
class DurableRequestLogTest {

    private static final int IN_FLIGHT = 40;

    private final CountDownLatch gate = new CountDownLatch(1);
    private volatile CountDownLatch arrived = new CountDownLatch(IN_FLIGHT);
    private final MockWebServer upstream = new MockWebServer();
    private final AlertSink alerts = AlertSink.start();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path folder;

    @BeforeEach
    void startGate() throws Exception {
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                arrived.countDown();
                gate.await(); // held here until the test opens the gate
                return new MockResponse.Builder().body("<title>Held page</title>").build();
            }
        });
        upstream.start();
    }

    @AfterEach
    void stop() {
        gate.countDown();
        upstream.close();
        alerts.close();
    }

    private Javalin start(String database) {
        UpstreamUrls heldPage = UpstreamUrls.of(List.of(upstream.url("/held").toString()));
        return App.create(heldPage, App.Options.defaults(alerts.webhookUrl()).withDatabase(database)).start(0);
    }

    private CompletableFuture<HttpResponse<String>> get(Javalin app, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .header(ApiKeyAuth.HEADER, Users.ALICE_KEY).timeout(Duration.ofSeconds(30)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends {@code count} quick requests one after another and returns how many the app answered.
     * Each one answered must have its row; one the client could not even send has none, so the
     * count is of answers, not of attempts (the 40 held requests are known to have arrived).
     */
    private long answeredQuickly(Javalin app, int count) {
        long answered = IntStream.range(0, count)
                .mapToObj(i -> get(app, "/me").handle((response, failure) -> failure == null).join())
                .filter(Boolean::booleanValue).count();
        assertThat(answered).as("quick requests answered").isPositive();
        return answered;
    }

    @Test
    @DisplayName("stop with 40 requests in flight, restart on the same file: every request answered has its row")
    void noRowLostAcrossStopAndRestart() throws Exception {
        String database = Database.fileUrl(folder.resolve("log"));
        Javalin first = start(database);
        first.jettyServer().server().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(LifeCycle event) {
                gate.countDown(); // the held requests finish only once the stop has begun
            }
        });
        long answered = answeredQuickly(first, 5);
        List<CompletableFuture<HttpResponse<String>>> held = IntStream.range(0, IN_FLIGHT).mapToObj(i -> get(first, "/async_get_urls")).toList();
        assertThat(arrived.await(20, TimeUnit.SECONDS)).as("all %d requests reached the upstream", IN_FLIGHT).isTrue();

        first.stop();
        assertThat(held.stream().map(CompletableFuture::join).filter(response -> response.statusCode() == 200)).hasSize(IN_FLIGHT);
        answered += IN_FLIGHT;

        Javalin second = start(database); // a new process would do the same: open the file, add to it
        answered += answeredQuickly(second, 5);
        second.stop();

        try (Connection connection = DriverManager.getConnection(database, "sa", "");
                ResultSet row = connection.createStatement().executeQuery("SELECT COUNT(*) FROM request_log")) {
            row.next();
            assertThat(row.getLong(1)).as("rows stored for %d requests answered", answered).isEqualTo(answered);
        }
    }

    @Test
    @DisplayName("a committed row survives a crash: a copy of the file taken while the database is open holds it")
    void committedRowSurvivesACrash() throws Exception {
        Path live = folder.resolve("live");
        try (Database database = Database.open(Database.fileUrl(live))) {
            RequestLogTable table = new RequestLogTable(database);
            table.write(List.of(
                    new RequestRecord(Instant.now(), UUID.randomUUID().toString(), "GET", "/1", 200, Duration.ZERO, null),
                    new RequestRecord(Instant.now(), UUID.randomUUID().toString(), "GET", "/2", 200, Duration.ZERO, null)));
            // what a crash right now leaves on disk: the database is still open, nothing was closed or flushed
            Path crashed = Files.createDirectory(folder.resolve("crashed"));
            Files.copy(folder.resolve("live.mv.db"), crashed.resolve("log.mv.db"));

            try (Database afterCrash = Database.open(Database.fileUrl(crashed.resolve("log")))) {
                assertThat(new RequestLogTable(afterCrash).count()).isEqualTo(2);
            }
        }
    }

    @Test
    @DisplayName("a stop that runs out of time answers the stuck request 503, and still drains the log and closes the database")
    void stopPastItsTimeoutStillClosesTheLog() throws Exception {
        String database = Database.fileUrl(folder.resolve("log"));
        Javalin app = start(database);
        app.jettyServer().server().setStopTimeout(200); // Lab.STOP_TIMEOUT is 10 s; the gate stays shut past either
        for (int i = 0; i < 3; i++) {
            assertThat(get(app, "/me").join().statusCode()).isEqualTo(200);
        }
        arrived = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> stuck = get(app, "/async_get_urls");
        assertThat(arrived.await(20, TimeUnit.SECONDS)).isTrue();

        app.stop(); // half-way into this short stop timeout the lab answers what is still running, so the stop succeeds

        HttpResponse<String> answer = stuck.join();
        assertThat(answer.statusCode()).as("the stuck request's answer").isEqualTo(503);
        assertThat(answer.body()).contains("The server is stopping");
        try (Connection connection = DriverManager.getConnection(database, "sa", "")) {
            ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM request_log WHERE path = '/me'");
            rows.next();
            assertThat(rows.getLong(1)).as("the answered requests' rows").isEqualTo(3);
            ResultSet sessions = connection.createStatement().executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS");
            sessions.next();
            assertThat(sessions.getLong(1)).as("open sessions: only this test's, the app closed its pool").isEqualTo(1);
        }
    }
}
