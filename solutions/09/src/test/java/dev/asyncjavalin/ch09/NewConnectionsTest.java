package dev.asyncjavalin.ch09;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.ConnectionCost;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sync route as requests.get runs it (ArticleSpeedup's comparison), counted in connections, not timed. */
class NewConnectionsTest {

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.builder().pages(3).fixedLatency(Duration.ZERO).start();
    @AutoClose
    private final ConnectionCost internet = ConnectionCost.start(upstream.baseUrl(), Duration.ZERO);
    private final UpstreamUrls urls = UpstreamUrls.of(upstream.recipeUrls().stream().map(internet::via).toList());

    @Test
    @DisplayName("?connections=new opens a connection per call; the default reuses the pool")
    void newConnectionPerCall() {
        JavalinTest.test(App.create(urls), (server, client) -> {
            assertThat(ResultRows.statuses(client.get("/sync_get_urls").body().string())).containsExactly("200", "200", "200");
            int pooled = internet.connectionsOpened();
            assertThat(ResultRows.statuses(client.get("/sync_get_urls").body().string())).containsExactly("200", "200", "200");
            assertThat(internet.connectionsOpened()).as("a second request on the pooled client").isEqualTo(pooled);

            assertThat(ResultRows.statuses(client.get("/sync_get_urls?connections=new").body().string())).containsExactly("200", "200", "200");
            assertThat(internet.connectionsOpened()).as("three calls, each on a new connection").isEqualTo(pooled + 3);
        });
    }

    @Test
    @DisplayName("an unknown ?connections= value is a 400 that names the choices")
    void unknownValueIsRefused() {
        JavalinTest.test(App.create(urls), (server, client) -> {
            var response = client.get("/sync_get_urls?connections=sometimes");
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("'pooled'", "'new'");
        });
    }
}
