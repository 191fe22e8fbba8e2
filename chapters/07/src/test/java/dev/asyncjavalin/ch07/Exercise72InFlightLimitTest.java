package dev.asyncjavalin.ch07;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * "At most K in flight" has two halves, and a barrier proves each: a barrier of K is reached
 * (K calls do run together), and a barrier of K + 1 never is (K + 1 never do).
 */
@Tag("exercise")
@DisplayName("7.2 at most K calls in flight")
class Exercise72InFlightLimitTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private final PageClient client = PageClient.create(64, 5);
    private final VirtualThreadFetcher fetcher = new VirtualThreadFetcher(client, App.CALL_TIMEOUT);

    @AfterEach
    void closeClient() {
        client.close();
    }

    // tag::limit[]
    @Test
    @DisplayName("with 3 permits and 9 pages, 3 calls are in flight at once, and never more")
    void kCallsRunTogether() throws InterruptedException {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(9).barrier(3).start()) {
            List<PageResult> rows = fetcher.fetchAll(upstream.recipeUrls(), 3, DEADLINE);

            assertThat(rows).extracting(PageResult::status).as("Exercise 7.2: 504 means 3 calls never ran together")
                    .containsOnly("200");
            assertThat(upstream.maxInFlight()).as("Exercise 7.2: most calls in flight at once, with 3 permits").isEqualTo(3);
        }
    }

    @Test
    @DisplayName("with 3 permits, a barrier of 4 is never reached")
    void neverKPlusOne() throws InterruptedException {
        // a short barrier timeout: the three calls that got permits give up after 2 s with 504
        try (SlowUpstream upstream = SlowUpstream.builder().pages(6).barrier(4, Duration.ofSeconds(2)).start()) {
            List<PageResult> rows = fetcher.fetchAll(upstream.recipeUrls(), 3, DEADLINE);

            assertThat(upstream.maxInFlight()).as("Exercise 7.2: most calls in flight at once, with 3 permits").isEqualTo(3);
            assertThat(rows).extracting(PageResult::status).as("Exercise 7.2: a 200 means 4 calls were in flight together")
                    .containsOnly("504");
        }
    }
    // end::limit[]

    @Test
    @DisplayName("/vthread_get_urls keeps at most 5 calls in flight by default")
    void theRouteDefaultsToFive() {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(10).barrier(5).start()) {
            JavalinTest.test(App.create(upstream.urls()), (server, http) -> {
                String page = http.get("/vthread_get_urls").body().string();

                assertThat(ResultRows.statuses(page)).as("Exercise 7.2: 504 means 5 calls never ran together")
                        .hasSize(10).containsOnly("200");
                assertThat(upstream.maxInFlight()).as("Exercise 7.2: most calls in flight at once, by default").isEqualTo(5);
            });
        }
    }
}
