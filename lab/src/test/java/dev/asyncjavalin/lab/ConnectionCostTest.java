package dev.asyncjavalin.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConnectionCostTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ZERO).start();
    @AutoClose
    private final ConnectionCost internet = ConnectionCost.start(upstream.baseUrl(), Duration.ofMillis(20));
    @AutoClose
    private final PageClient pooled = PageClient.create(8, 8);

    @Test
    @DisplayName("pages come through the proxy unchanged")
    void pagesComeThrough() {
        PageResult page = pooled.fetchBlocking(internet.via(upstream.url("/recipes/2")), TIMEOUT);

        assertThat(page.outcome()).isEqualTo(Outcome.OK);
        assertThat(page.title()).isEqualTo("Recipe 2: Pad Thai");
    }

    @Test
    @DisplayName("a pooled client pays for one connection over five calls in a row")
    void pooledClientOpensOneConnection() {
        for (int call = 1; call <= 5; call++) {
            assertThat(pooled.fetchBlocking(internet.url("/recipes/" + call), TIMEOUT).outcome()).isEqualTo(Outcome.OK);
        }

        assertThat(internet.connectionsOpened()).isEqualTo(1);
    }

    @Test
    @DisplayName("a client without connection reuse pays for a new connection on every call, like requests.get")
    void unpooledClientOpensOneConnectionPerCall() {
        PageClient fresh = pooled.withoutConnectionReuse();
        for (int call = 1; call <= 5; call++) {
            assertThat(fresh.fetchBlocking(internet.url("/recipes/" + call), TIMEOUT).outcome()).isEqualTo(Outcome.OK);
        }

        assertThat(internet.connectionsOpened()).isEqualTo(5);
    }

    @Test
    @DisplayName("a negative cost is refused")
    void negativeCostIsRefused() {
        assertThatThrownBy(() -> ConnectionCost.start(upstream.baseUrl(), Duration.ofMillis(-1)))
                .hasMessageContaining("less than nothing");
    }
}
