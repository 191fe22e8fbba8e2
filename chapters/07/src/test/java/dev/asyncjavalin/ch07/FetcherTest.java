package dev.asyncjavalin.ch07;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fetcher's promises that hold however its calls are spread over threads. */
class FetcherTest {

    private static final Duration GENEROUS_DEADLINE = Duration.ofSeconds(10);
    @AutoClose
    private final PageClient client = PageClient.create(64, 5);

    @Test
    @DisplayName("every failure is a row, in the order of the URLs")
    void failuresAreRows() throws InterruptedException {
        try (SlowUpstream upstream = SlowUpstream.start()) {
            client.fetchBlocking(upstream.url("/"), Duration.ofSeconds(10)); // the first call loads OkHttp's classes
            // a short call timeout, so the page that never answers costs one second
            VirtualThreadFetcher fetcher = new VirtualThreadFetcher(client, Duration.ofSeconds(1));

            List<PageResult> rows = fetcher.fetchAll(upstream.urls().select("faults"), 6, GENEROUS_DEADLINE);

            assertThat(rows).extracting(PageResult::status)
                    .containsExactly("500", "connection lost", "timeout", "too large", "200", "unreachable");
        }
    }

    // tag::deadline[]
    @Test
    @Timeout(10) // far below the calls' own 60 s timeout: returning at all proves they were interrupted
    @DisplayName("calls still running at the deadline become timeout rows, and their threads are interrupted")
    void deadlineInterruptsCalls() throws InterruptedException {
        try (SlowUpstream upstream = SlowUpstream.start()) {
            VirtualThreadFetcher fetcher = new VirtualThreadFetcher(client, Duration.ofSeconds(60));
            List<String> neverAnswer = List.of(upstream.url("/hang"), upstream.url("/hang?again"), upstream.url("/hang?third"));

            List<PageResult> rows = fetcher.fetchAll(neverAnswer, 3, Duration.ofMillis(200));

            assertThat(rows).extracting(PageResult::url).containsExactlyElementsOf(neverAnswer);
            assertThat(rows).allSatisfy(row -> {
                assertThat(row.status()).isEqualTo("timeout");
                assertThat(row.detail()).contains("deadline of 200 ms");
            });
        }
    }
    // end::deadline[]
}
