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
 * Exercise 6.1: your test that fetchAll has all its calls in flight at once.
 *
 * <p>Test {@link #aggregator}, which {@link Subject} hands out. {@link Exercise61ConcurrencyTest} runs this class
 * against every aggregator in {@link Variants}: on each correct one every test must pass, and on each
 * of SequentialFanOut, InPairs and FirstCallAlone at least one must fail. Run it on its own from your IDE
 * to watch it pass on the correct code.
 */
@Tag("exercise")
class YourConcurrencyTests {

    @AutoClose
    private final PageClient client = PageClient.create(64, 64);
    private final Aggregator aggregator = Subject.aggregator(client);

    // EXERCISE 6.1: write a test that passes when fetchAll's calls overlap and fails when they run one after another
    @Test
    @DisplayName("every call is in flight at once")
    void callsOverlap() {
        // the barrier answers only when all 3 calls are in flight together, and 504 after 1 s if they never are
        try (SlowUpstream upstream = SlowUpstream.builder().pages(3).barrier(3, Duration.ofSeconds(1)).start()) {
            CompletableFuture<List<PageResult>> rows = aggregator.fetchAll(upstream.recipeUrls(), Duration.ofSeconds(5));

            assertThat(rows).succeedsWithin(Duration.ofSeconds(10)).asInstanceOf(list(PageResult.class))
                    .extracting(PageResult::status).containsExactly("200", "200", "200");
            assertThat(upstream.maxInFlight()).isEqualTo(3);
        }
    }
    // END EXERCISE 6.1
}
