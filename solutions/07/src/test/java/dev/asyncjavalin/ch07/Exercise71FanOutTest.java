package dev.asyncjavalin.ch07;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A barrier upstream answers only once N requests are in flight together, and answers 504 when
 * they never are: all rows 200 proves the calls overlapped, without looking at a clock. Before
 * each test, a fake upstream looks at the threads that made the calls: platform threads, or fewer
 * threads than calls, fail at once, instead of after the barrier's timeout.
 */
@Tag("exercise")
@DisplayName("7.1 fan-out on virtual threads")
class Exercise71FanOutTest {

    // longer than the barrier waits (5 s), so a missed barrier shows as 504 rows, not as timeouts
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    @AutoClose
    private final PageClient client = PageClient.create(64, 5);

    @BeforeEach
    void everyCallRunsOnAVirtualThreadOfItsOwn() throws InterruptedException {
        String problem = FakeUpstream.threadsOfAFanOut();
        if (!problem.isEmpty()) {
            fail("Exercise 7.1: " + problem + "; exercise 7.1 asks for a new virtual thread per call, never pooled");
        }
    }

    // tag::fanOut[]
    @Test
    @DisplayName("six calls are in flight at once, and the rows keep the order of the URLs")
    void allCallsOverlapAndKeepTheirOrder() throws InterruptedException {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(6).barrier(6).start()) {
            List<String> urls = new ArrayList<>(upstream.recipeUrls());
            Collections.reverse(urls); // an order that differs from the upstream's own

            List<PageResult> rows = new VirtualThreadFetcher(client, App.CALL_TIMEOUT).fetchAll(urls, 6, DEADLINE);

            assertThat(rows).extracting(PageResult::status).as("Exercise 7.1: 504 means the barrier of 6 was never reached")
                    .containsOnly("200");
            assertThat(upstream.maxInFlight()).as("Exercise 7.1: most calls in flight at once").isEqualTo(6);
            assertThat(rows).extracting(PageResult::url).as("Exercise 7.1: rows in the order of the URLs")
                    .containsExactlyElementsOf(urls);
        }
    }
    // end::fanOut[]

    @Test
    @DisplayName("/vthread_get_urls?max_in_flight=10 has all ten pages in flight at once")
    void theRouteFansOut() {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(10).barrier(10).start()) {
            JavalinTest.test(App.create(upstream.urls()), (server, http) -> {
                String page = http.get("/vthread_get_urls?max_in_flight=10").body().string();

                assertThat(ResultRows.statuses(page)).as("Exercise 7.1: 504 means the barrier of 10 was never reached")
                        .hasSize(10).containsOnly("200");
                assertThat(ResultRows.in(page)).extracting(ResultRows.Row::url).as("Exercise 7.1: rows in page order")
                        .containsExactlyElementsOf(upstream.recipeUrls());
            });
        }
    }
}
