package dev.asyncjavalin.ch06;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Concurrency proved without a clock. SlowUpstream's barrier answers its recipe pages only once K
 * requests are in flight together, and answers 504 when they never are. "All 200" can only mean
 * the calls overlapped; no timing, no luck.
 */
class BarrierTest {

    // tag::barrier[]
    @Test
    @DisplayName("/async_get_urls_v2 has all 5 calls in flight at once")
    void routeCallsOverlap() {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(5).barrier(5).start()) {
            JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
                String html = client.get("/async_get_urls_v2?deadline_ms=10000").body().string();

                assertThat(ResultRows.statuses(html)).containsExactly("200", "200", "200", "200", "200");
                assertThat(upstream.maxInFlight()).isEqualTo(5);
            });
        }
    }
    // end::barrier[]

    @Test
    @DisplayName("calls made one after another never reach the barrier: every row is 504")
    void oneAfterAnotherNeverReachesIt() {
        // gives up after 200 ms; a broken barrier then refuses every later request at once
        try (SlowUpstream upstream = SlowUpstream.builder().pages(3).barrier(3, Duration.ofMillis(200)).start();
             PageClient client = PageClient.create(64, 64)) {
            List<PageResult> rows = new ArrayList<>();
            for (String url : upstream.recipeUrls()) {
                rows.add(client.fetchBlocking(url, Duration.ofSeconds(5)));
            }

            assertThat(rows).extracting(PageResult::status).containsExactly("504", "504", "504");
            assertThat(upstream.maxInFlight()).isEqualTo(1);
        }
    }
}
