package dev.asyncjavalin.ch03;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Proves concurrency without a clock: a barrier upstream answers only when K requests are in
 * flight together, so "all 200" means the calls overlapped and "504" means they did not.
 */
class ConcurrencyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final OkHttpClient client = UpstreamClient.create();

    @AfterEach
    void shutdown() {
        UpstreamClient.shutdown(client);
    }

    // tag::barrier[]
    @Test
    @DisplayName("ConcurrentFetcher has 5 calls in flight at once")
    void concurrentCallsOverlap() {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(5).barrier(5).start()) {
            List<PageResult> results = new ConcurrentFetcher(new PageCalls(client)).fetchAll(upstream.recipeUrls(), TIMEOUT);

            assertThat(results).extracting(PageResult::status).containsOnly("200");
            assertThat(upstream.maxInFlight()).isEqualTo(5);
        }
    }
    // end::barrier[]

    @Test
    @DisplayName("SequentialFetcher never has two calls in flight")
    void sequentialCallsNeverOverlap() {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(2).barrier(2, Duration.ofMillis(200)).start()) {
            List<PageResult> results = new SequentialFetcher(new PageCalls(client)).fetchAll(upstream.recipeUrls(), TIMEOUT);

            assertThat(results).extracting(PageResult::status).containsExactly("504", "504");
            assertThat(upstream.maxInFlight()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("results come back in the order of the URLs, not the order calls finish")
    void orderIsKept() {
        try (SlowUpstream upstream = SlowUpstream.builder().latency(Duration.ZERO, Duration.ofMillis(60)).start()) {
            List<String> urls = new ArrayList<>(upstream.recipeUrls());
            Collections.reverse(urls);
            List<PageResult> results = new ConcurrentFetcher(new PageCalls(client)).fetchAll(urls, TIMEOUT);

            assertThat(results).extracting(PageResult::url).containsExactlyElementsOf(urls);
        }
    }
}
