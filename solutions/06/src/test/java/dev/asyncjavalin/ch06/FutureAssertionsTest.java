package dev.asyncjavalin.ch06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * AssertJ's assertions for futures, the Java side of pytest-asyncio: the test stays an ordinary
 * method, and the assertion waits for the future (up to a bound) instead of the test sleeping.
 */
class FutureAssertionsTest {

    /** A bound for "it finishes", far above what any of these needs; a test never asserts how fast. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ZERO).start();
    @AutoClose
    private final PageClient client = PageClient.create(64, 64);
    private final RecipeAggregator aggregator = new RecipeAggregator(client);

    @Test
    @DisplayName("fetchAll returns before any page has answered")
    void returnsAtOnce() {
        // /hang never answers and the deadline is far away: nothing can have completed this future yet
        CompletableFuture<List<PageResult>> rows = aggregator.fetchAll(List.of(upstream.url("/hang")), Duration.ofSeconds(30));

        assertThat(rows).isNotDone();
    }

    // tag::succeedsWithin[]
    @Test
    @DisplayName("succeedsWithin waits for the value, then asserts on it")
    void succeedsWithinHandsOverTheValue() {
        CompletableFuture<List<PageResult>> rows = aggregator.fetchAll(upstream.recipeUrls().subList(0, 3), BOUND);

        assertThat(rows).succeedsWithin(BOUND).asInstanceOf(list(PageResult.class))
                .extracting(PageResult::status).containsExactly("200", "200", "200");
    }
    // end::succeedsWithin[]

    @Test
    @DisplayName("isCompletedWithValueMatching checks a future that is already done")
    void completedWithValueMatching() {
        CompletableFuture<List<PageResult>> rows = aggregator.fetchAll(List.of(upstream.url("/error"), upstream.url("/recipes/1")), BOUND);
        rows.join(); // join() is safe here: this future always completes by its deadline

        assertThat(rows).isCompletedWithValueMatching(list -> list.size() == 2, "one row per URL")
                .isCompletedWithValueMatching(list -> list.get(0).status().equals("500"), "the failure in its place");
    }

    // tag::failsWithin[]
    @Test
    @DisplayName("failsWithin: orTimeout fails the whole future, completeOnTimeout leaves a row")
    void orTimeoutFailsCompleteOnTimeoutDoesNot() {
        String hang = upstream.url("/hang");
        CompletableFuture<PageResult> failed = client.fetch(hang, BOUND).orTimeout(50, TimeUnit.MILLISECONDS);
        CompletableFuture<PageResult> row = client.fetch(hang, BOUND)
                .completeOnTimeout(RecipeAggregator.missedDeadline(hang, Duration.ofMillis(50)), 50, TimeUnit.MILLISECONDS);

        assertThat(failed).failsWithin(BOUND).withThrowableOfType(ExecutionException.class).withCauseInstanceOf(TimeoutException.class);
        assertThat(row).succeedsWithin(BOUND).extracting(PageResult::status).isEqualTo("timeout");
    }
    // end::failsWithin[]
}
