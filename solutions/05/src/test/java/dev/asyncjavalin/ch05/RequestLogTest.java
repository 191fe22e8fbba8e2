package dev.asyncjavalin.ch05;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asyncjavalin.lab.AlertSink;
import dev.asyncjavalin.lab.SlowUpstream;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.start();
    @AutoClose
    private final AlertSink alerts = AlertSink.start();

    private static RequestRecord record(String path) {
        return new RequestRecord(Instant.now(), UUID.randomUUID().toString(), "GET", path, 200, Duration.ofMillis(1), null);
    }

    // tag::backpressure[]
    @Test
    @DisplayName("a full queue makes the request wait for space, and the record is stored, not dropped")
    void fullQueueWaitsInsteadOfDropping() throws Exception {
        CountDownLatch writerStuck = new CountDownLatch(1);
        CountDownLatch unstick = new CountDownLatch(1);
        List<RequestRecord> stored = Collections.synchronizedList(new ArrayList<>());
        RequestLog log = new RequestLog(2, batch -> {
            writerStuck.countDown();
            unstick.await(); // a database that has stopped answering
            stored.addAll(batch);
        });

        log.record(record("/1"));
        writerStuck.await(); // the writer holds /1 and waits on the "database"
        log.record(record("/2"));
        log.record(record("/3")); // the queue (2) is full now
        CompletableFuture<Void> fourth = CompletableFuture.runAsync(() -> {
            try {
                log.record(record("/4"));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThatThrownBy(() -> fourth.get(300, TimeUnit.MILLISECONDS))
                .as("record() returned although the queue was full: was the record dropped?")
                .isInstanceOf(TimeoutException.class);
        unstick.countDown();
        fourth.get(10, TimeUnit.SECONDS);
        log.close();

        assertThat(stored).extracting(RequestRecord::path).containsExactlyInAnyOrder("/1", "/2", "/3", "/4");
        assertThat(log.waitedForSpace()).isEqualTo(1);
        assertThat(log.written()).isEqualTo(4);
    }
    // end::backpressure[]

    @Test
    @DisplayName("close() stores every record still queued before it returns")
    void closeDrainsTheQueue() {
        List<RequestRecord> stored = Collections.synchronizedList(new ArrayList<>());
        RequestLog log = new RequestLog(1_000, stored::addAll);
        for (int i = 0; i < 1_000; i++) {
            try {
                log.record(record("/" + i));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        log.close();

        assertThat(stored).hasSize(1_000);
        assertThat(log.written()).isEqualTo(1_000);
    }

    @Test
    @DisplayName("every request gets a row: method, path, status, duration, request id and user, 401 and 404 included")
    void everyRequestIsARow() throws SQLException {
        String database = Database.inMemoryUrl("log-" + UUID.randomUUID());
        App.Options options = App.Options.defaults(alerts.webhookUrl()).withDatabase(database);
        JavalinTest.test(App.create(upstream.urls(), options), (server, client) -> {
            client.get("/me?api_key=" + Users.BOB_KEY);
            client.get("/me");
            client.get("/nowhere");
        }); // the app has stopped: its log is drained

        try (Connection connection = DriverManager.getConnection(database, "sa", "");
                ResultSet row = connection.createStatement().executeQuery(
                        // JavalinTest sends a request of its own as it ends (to clear cookies): it is logged too
                        "SELECT method, path, status, duration_ms, request_id, user_name FROM request_log"
                                + " WHERE path NOT LIKE '/clear-cookies-%' ORDER BY id")) {
            List<String> rows = new ArrayList<>();
            while (row.next()) {
                assertThat(row.getDouble("duration_ms")).isGreaterThanOrEqualTo(0);
                assertThat(row.getString("request_id")).matches(RequestTiming.VALID_REQUEST_ID);
                rows.add(row.getString("method") + " " + row.getString("path") + " " + row.getInt("status") + " " + row.getString("user_name"));
            }
            assertThat(rows).containsExactly("GET /me 200 bob", "GET /me 401 null", "GET /nowhere 404 null");
        }
    }

    @Test
    @DisplayName("a method or path longer than its column is shortened in its row, never dropped")
    void longMethodsAndPathsAreStored() throws Exception {
        String database = Database.inMemoryUrl("long-" + UUID.randomUUID());
        App.Options options = App.Options.defaults(alerts.webhookUrl()).withDatabase(database);
        String longPath = "/" + "p".repeat(2_000);
        String override = "X".repeat(1_000); // Javalin takes the method from X-HTTP-Method-Override when it is sent
        JavalinTest.test(App.create(upstream.urls(), options), (server, client) -> {
            assertThat(send(server, "ABCDEFGHIJKLMNOP", "/me").statusCode()).isEqualTo(405);
            assertThat(send(server, "GET", longPath).statusCode()).isEqualTo(404);
            assertThat(send(server, "GET", "/me", "X-HTTP-Method-Override", override).statusCode()).isEqualTo(405);
        });

        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database, "sa", "");
                ResultSet row = connection.createStatement().executeQuery(
                        "SELECT method, path FROM request_log WHERE path NOT LIKE '/clear-cookies-%' ORDER BY id")) {
            while (row.next()) {
                rows.add(row.getString("method") + " " + row.getString("path"));
            }
        }
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo("ABCDEFGHIJKLMNOP /me");
        assertThat(rows.get(1)).startsWith("GET /ppp").endsWith("…").hasSize("GET ".length() + RequestRecord.MAX_PATH);
        assertThat(rows.get(2)).startsWith("XXX").endsWith("… /me").hasSize(RequestRecord.MAX_METHOD + " /me".length());
    }

    @Test
    @DisplayName("a record the database refuses costs only itself: the rest of its batch is stored and the loss is counted")
    void oneBadRecordCostsOnlyItself() throws Exception {
        try (Database database = Database.open(Database.inMemoryUrl("bad-" + UUID.randomUUID()))) {
            RequestLogTable table = new RequestLogTable(database);
            RequestRecord refused = new RequestRecord(Instant.now(), null, "GET", "/no-id", 200, Duration.ZERO, null); // request_id is NOT NULL
            List<RequestRecord> batch = List.of(record("/1"), refused, record("/2"));

            assertThatThrownBy(() -> table.write(batch)).isInstanceOf(SQLException.class);
            assertThat(table.count()).as("a batch is stored whole or not at all").isZero();

            CountDownLatch writerHeld = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            RequestLog log = new RequestLog(10, records -> {
                writerHeld.countDown();
                release.await(); // the first batch waits here, so the next three pile up and go as one batch
                table.write(records);
            });
            log.record(record("/0"));
            writerHeld.await();
            for (RequestRecord record : batch) {
                log.record(record);
            }
            release.countDown();
            log.close();

            assertThat(table.count()).isEqualTo(3);
            assertThat(log.written()).isEqualTo(3);
            assertThat(log.lost()).isEqualTo(1);
        }
    }

    /** JavalinTest's client sends only the usual methods: the JDK's client sends any. */
    private static HttpResponse<String> send(Javalin server, String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
