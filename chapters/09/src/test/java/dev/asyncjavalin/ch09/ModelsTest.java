package dev.asyncjavalin.ch09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The five models are five ways of waiting for the same calls: they must give the same rows.
 * Whether their calls overlap is proved with the barrier upstream, never with a clock.
 */
class ModelsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    @AutoClose
    private final PageClient client = PageClient.create(16, 16);

    @Test
    @DisplayName("every model returns the same rows (url and status), in the order of the URLs")
    void sameRowsInSameOrder() throws InterruptedException {
        try (SlowUpstream upstream = SlowUpstream.builder().latency(Duration.ZERO, Duration.ofMillis(40)).start()) {
            List<String> urls = new ArrayList<>(upstream.recipeUrls());
            Collections.reverse(urls); // the last page first: order must follow the URLs, not who answers first
            urls.add(upstream.url("/error"));

            List<String> sync = rows(new SequentialModel(client, TIMEOUT).fetchAll(urls));
            assertThat(sync).hasSize(11).first().isEqualTo(urls.get(0) + " 200");
            assertThat(sync).last().isEqualTo(upstream.url("/error") + " 500");
            assertThat(rows(new ConcurrentModel(client, TIMEOUT).fetchAll(urls))).isEqualTo(sync);
            assertThat(rows(new AsyncModel(client, TIMEOUT).fetchAll(urls).join())).isEqualTo(sync);
            if (VirtualThreads.available()) {
                assertThat(rows(new VirtualThreadModel(client, TIMEOUT).fetchAll(urls))).isEqualTo(sync);
            }
            try (EventLoopModel eventLoop = new EventLoopModel(TIMEOUT)) {
                assertThat(rows(eventLoop.fetchAll(urls).join())).isEqualTo(sync);
            }
        }
    }

    // tag::barrier[]
    @Test
    @DisplayName("the concurrent model has all 10 calls in flight at once (a barrier of 10 answers them)")
    void concurrentOverlapsAllCalls() {
        try (SlowUpstream upstream = SlowUpstream.builder().barrier(10, TIMEOUT).start()) {
            List<PageResult> rows = new ConcurrentModel(client, TIMEOUT).fetchAll(upstream.recipeUrls());

            assertThat(rows).extracting(PageResult::status).hasSize(10).containsOnly("200");
            assertThat(upstream.maxInFlight()).isEqualTo(10);
        }
    }
    // end::barrier[]

    @Test
    @DisplayName("the async model has all 10 calls in flight at once")
    void asyncOverlapsAllCalls() {
        try (SlowUpstream upstream = SlowUpstream.builder().barrier(10, TIMEOUT).start()) {
            List<PageResult> rows = new AsyncModel(client, TIMEOUT).fetchAll(upstream.recipeUrls()).join();

            assertThat(rows).extracting(PageResult::status).hasSize(10).containsOnly("200");
            assertThat(upstream.maxInFlight()).isEqualTo(10);
        }
    }

    @Test
    @DisplayName("the event-loop model has all 10 calls in flight at once")
    void eventLoopOverlapsAllCalls() {
        try (SlowUpstream upstream = SlowUpstream.builder().barrier(10, TIMEOUT).start(); EventLoopModel model = new EventLoopModel(TIMEOUT)) {
            List<PageResult> rows = model.fetchAll(upstream.recipeUrls()).join();

            assertThat(rows).extracting(PageResult::status).hasSize(10).containsOnly("200");
            assertThat(upstream.maxInFlight()).isEqualTo(10);
        }
    }

    @Test
    @DisplayName("the event-loop model makes a row of every fault: an error status, a dropped connection, a huge body, nobody listening")
    void eventLoopFaultsAreRows() {
        try (SlowUpstream upstream = SlowUpstream.builder().start(); EventLoopModel model = new EventLoopModel(TIMEOUT)) {
            List<String> faults = upstream.faultUrls().entrySet().stream()
                    .filter(fault -> !fault.getKey().equals("never answers")) // its row is a timeout, one call timeout later
                    .map(Map.Entry::getValue).toList();

            assertThat(model.fetchAll(faults).join()).extracting(PageResult::status)
                    .containsExactly("500", "connection lost", "too large", "200", "unreachable");
        }
    }

    @Test
    @DisplayName("the virtual-thread model has all 10 calls in flight at once (JDK 21+)")
    void virtualThreadsOverlapAllCalls() throws InterruptedException {
        assumeTrue(VirtualThreads.available(), VirtualThreads.whyUnavailable());
        try (SlowUpstream upstream = SlowUpstream.builder().barrier(10, TIMEOUT).start()) {
            List<PageResult> rows = new VirtualThreadModel(client, TIMEOUT).fetchAll(upstream.recipeUrls());

            assertThat(rows).extracting(PageResult::status).hasSize(10).containsOnly("200");
            assertThat(upstream.maxInFlight()).isEqualTo(10);
        }
    }

    @Test
    @DisplayName("the sync model never has two calls in flight: a barrier of 2 gives up on both (504)")
    void syncNeverOverlaps() {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(2).barrier(2, Duration.ofMillis(200)).start()) {
            List<PageResult> rows = new SequentialModel(client, TIMEOUT).fetchAll(upstream.recipeUrls());

            assertThat(rows).extracting(PageResult::status).containsExactly("504", "504");
            assertThat(upstream.maxInFlight()).isEqualTo(1);
        }
    }

    private static List<String> rows(List<PageResult> results) {
        return results.stream().map(row -> row.url() + " " + row.status()).toList();
    }
}
