package dev.asyncjavalin.ch04;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * How many requests can wait for the upstream at the same time, on a pool of 8 threads (6 for
 * requests). A barrier upstream answers only once 20 calls are in flight together, so the answer
 * does not depend on a clock: either 20 requests were waiting at once, or they were not.
 */
class ConcurrencyTest {

    private static final int CLIENTS = 20;
    private static final Settings EIGHT_THREADS = Settings.defaults().withPoolSize(8);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    // tag::barrier[]
    @Test
    @DisplayName("with ctx.future, 20 requests wait for the upstream at once on a pool with 6 threads for requests")
    void asyncHandlersReleaseTheirThreads() {
        try (SlowUpstream upstream = SlowUpstream.builder().barrier(CLIENTS, Duration.ofSeconds(10)).start()) {
            UpstreamUrls onePage = UpstreamUrls.of(List.of(upstream.url("/recipes/1"))); // one call per request
            JavalinTest.test(App.create(onePage, EIGHT_THREADS), (server, client) -> {
                List<Clients.Answer> answers = Clients.getAtOnce(server.port(), "/async_get_urls_v2", CLIENTS, CLIENT_TIMEOUT);

                assertThat(answers).extracting(answer -> ResultRows.statuses(answer.body())).containsOnly(List.of("200"));
                assertThat(upstream.maxInFlight()).isEqualTo(CLIENTS);
            });
        }
    }
    // end::barrier[]

    @Test
    @DisplayName("a blocking handler never has more calls in flight than the pool has threads for requests")
    void blockingHandlersHoldTheirThreads() {
        try (SlowUpstream upstream = SlowUpstream.builder().barrier(CLIENTS, Duration.ofSeconds(1)).start()) {
            UpstreamUrls onePage = UpstreamUrls.of(List.of(upstream.url("/recipes/1")));
            JavalinTest.test(App.create(onePage, EIGHT_THREADS), (server, client) -> {
                List<Clients.Answer> answers = Clients.getAtOnce(server.port(), "/async_get_urls_v1", CLIENTS, CLIENT_TIMEOUT);

                // 504: the barrier gave up, because 20 calls were never in flight together
                assertThat(answers).extracting(answer -> ResultRows.statuses(answer.body())).containsOnly(List.of("504"));
                assertThat(upstream.maxInFlight()).isLessThanOrEqualTo(8 - RequestPool.JETTY_OWN);
            });
        }
    }
}
