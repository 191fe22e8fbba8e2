package dev.asyncjavalin.ch05;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.AlertSink;
import dev.asyncjavalin.lab.UpstreamUrls;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

/**
 * Stops the app while requests are in flight and checks that not one log record is lost. The
 * upstream is a gate: it holds every call until the test opens it, and the test opens it only
 * once the app has begun to stop. No clock decides anything.
 */
class GracefulStopTest {

    private static final int IN_FLIGHT = 40;

    private final CountDownLatch allArrived = new CountDownLatch(IN_FLIGHT);
    private final CountDownLatch gate = new CountDownLatch(1);
    private final MockWebServer upstream = new MockWebServer();
    private final AlertSink alerts = AlertSink.start();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void startGate() throws Exception {
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                allArrived.countDown();
                gate.await(); // held here, on the upstream's thread, until the app is stopping
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

    private CompletableFuture<HttpResponse<String>> get(Javalin app, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .header(ApiKeyAuth.HEADER, Users.ALICE_KEY).timeout(Duration.ofSeconds(30)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    // tag::stopUnderLoad[]
    @Test
    @DisplayName("stopping with 40 requests in flight: every response the clients got has its log record")
    void noRecordLostOnStop() throws Exception {
        String database = Database.inMemoryUrl("stop-" + UUID.randomUUID());
        UpstreamUrls heldPage = UpstreamUrls.of(List.of(upstream.url("/held").toString()));
        Javalin app = App.create(heldPage, App.Options.defaults(alerts.webhookUrl()).withDatabase(database)).start(0);
        // open the gate only once Jetty has begun to stop: from then on it accepts nothing new
        app.jettyServer().server().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(LifeCycle event) {
                gate.countDown();
            }
        });

        int before = 5; // a few quick requests first, so the log holds more than the held ones
        for (int i = 0; i < before; i++) {
            assertThat(get(app, "/me").join().statusCode()).isEqualTo(200);
        }
        List<CompletableFuture<HttpResponse<String>>> held = IntStream.range(0, IN_FLIGHT).mapToObj(i -> get(app, "/async_get_urls")).toList();
        assertThat(allArrived.await(20, TimeUnit.SECONDS)).as("all %d requests reached the upstream", IN_FLIGHT).isTrue();

        app.stop(); // returns once Jetty has let the held requests finish and the log is drained

        long answered = held.stream().map(CompletableFuture::join).filter(response -> response.statusCode() == 200).count();
        assertThat(answered).as("requests in flight when the stop began still got their page").isEqualTo(IN_FLIGHT);
        assertThat(storedRecords(database)).isEqualTo(before + IN_FLIGHT);
    }
    // end::stopUnderLoad[]

    private static long storedRecords(String database) throws Exception {
        try (Database stopped = Database.open(database)) { // the app is gone; its in-memory data is not
            return new RequestLogTable(stopped).count();
        }
    }
}
