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
 * Exercise 6.2: your test that the deadline ends the wait for a page that never answers.
 *
 * <p>Test {@link #aggregator}, which {@link Subject} hands out. {@link Exercise62DeadlineTest} runs this class
 * against every aggregator in {@link Variants}: on each correct one every test must pass, and on each
 * of NoDeadline, FailsAtDeadline and TimeoutForAll at least one must fail. Run it on its own from your IDE
 * to watch it pass on the correct code.
 */
@Tag("exercise")
class YourDeadlineTests {

    @AutoClose
    private final PageClient client = PageClient.create(64, 64);
    private final Aggregator aggregator = Subject.aggregator(client);

    // EXERCISE 6.2: write a test, with a short injected deadline, that fails when fetchAll waits past it
    @Test
    @DisplayName("a page that never answers becomes a timeout row at the deadline")
    void deadlineEndsTheWait() {
        try (SlowUpstream upstream = SlowUpstream.start()) {
            // a page that answers at once and one that never does: the deadline must end only the second
            List<String> urls = List.of(upstream.url("/slow?ms=0"), upstream.url("/hang"));
            // once before, so that the client's start-up (classes, the first connection) is not inside the deadline
            client.fetch(urls.get(0), Duration.ofSeconds(5)).join();

            CompletableFuture<List<PageResult>> rows = aggregator.fetchAll(urls, Duration.ofMillis(500));

            // 2 s: far above the 500 ms deadline, far below the 10 s call timeout; a bound, not a measurement
            assertThat(rows).succeedsWithin(Duration.ofSeconds(2)).asInstanceOf(list(PageResult.class))
                    .extracting(PageResult::status).containsExactly("200", "timeout");
        }
    }
    // END EXERCISE 6.2
}
