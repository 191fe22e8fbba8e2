package dev.asyncjavalin.ch02;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("2.4 the client shuts down when the app stops")
class Exercise24ClientShutDownTest {

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ofMillis(10)).start();

    @Test
    @DisplayName("once the app has stopped, its client starts no more threads and keeps no connection open")
    void stoppingTheAppShutsTheClientDown() {
        OkHttpClient client = UpstreamClient.create();
        UpstreamUrls onePage = new UpstreamUrls(List.of(upstream.url("/recipes/1")), Map.of(), "one page");
        JavalinTest.test(App.create(onePage, client), (server, http) -> {
            assertThat(http.get("/sync_get_urls").code()).as("status of /sync_get_urls with one page").isEqualTo(200);
            // the call's connection went back to the pool, kept alive for the next call: the stop must close it
            assertThat(client.connectionPool().connectionCount()).as("connections the client keeps after the page, before the stop")
                    .isPositive();
        });
        // JavalinTest has stopped the app, and with it run the app's serverStopped event

        assertThat(client.dispatcher().executorService().isShutdown())
                .as("Exercise 2.4: after the app stopped, the client's dispatcher still takes calls: its threads (kept 60 s after"
                        + " their last call) can hold the JVM after Ctrl+C. Shut its executor service down; cancelling the calls"
                        + " leaves the threads")
                .isTrue();
        int open = client.connectionPool().connectionCount();
        assertThat(open).as("Exercise 2.4: %s connection(s) still open after the app stopped: evict the pool's connections,"
                + " or each keeps a socket open on both sides for up to five minutes", open).isZero();
    }
}
