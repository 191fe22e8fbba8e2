package dev.asyncjavalin.ch06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 6.3: your test that a page that fails still has its row.
 *
 * <p>Test {@link #aggregator}, which {@link Subject} hands out. {@link Exercise63FailureTest} runs this class
 * against every aggregator in {@link Variants}: on each correct one every test must pass, and on each
 * of LostError, FailuresLast and Relabelled at least one must fail. Run it on its own from your IDE
 * to watch it pass on the correct code.
 */
@Tag("exercise")
class YourFailureTests {

    @AutoClose
    private final PageClient client = PageClient.create(64, 64);
    private final Aggregator aggregator = Subject.aggregator(client);

    // EXERCISE 6.3: write a test that fails when a failed page has no row of its own
    @Test
    @DisplayName("every failed page keeps its row, in its place")
    void failuresKeepTheirRows() {
        try (SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ZERO).start()) {
            List<String> urls = List.of(upstream.url("/recipes/1"), upstream.url("/reset"),
                    upstream.faultUrls().get("nothing listening"), upstream.url("/error"), upstream.url("/recipes/2"));
            CompletableFuture<List<PageResult>> rows = aggregator.fetchAll(urls, Duration.ofSeconds(5));

            assertThat(rows).succeedsWithin(Duration.ofSeconds(10)).asInstanceOf(list(PageResult.class))
                    .extracting(PageResult::status).containsExactly("200", "connection lost", "unreachable", "500", "200");
        }
    }
    // END EXERCISE 6.3
}
