package dev.asyncjavalin.ch06.broken;

import dev.asyncjavalin.ch06.Aggregator;
import dev.asyncjavalin.ch06.RecipeAggregator;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * DELIBERATELY WRONG, for exercise 6.2: concurrent and careful with failures, but it ignores the
 * request's deadline. A page that never answers holds the whole request until the call timeout
 * ({@link RecipeAggregator#CALL_TIMEOUT}, 10 s), and then the row says "timeout" as if all were
 * well. Only a test that waits less than the call timeout can catch it.
 */
public final class NoDeadline implements Aggregator {

    private final PageClient client;

    public NoDeadline(PageClient client) {
        this.client = client;
    }

    // tag::fetchAll[]
    @Override
    public CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
        List<CompletableFuture<PageResult>> pages = urls.stream()
                .map(url -> client.fetch(url, RecipeAggregator.CALL_TIMEOUT)) // WRONG: nothing ends the wait at the deadline
                .toList();
        return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new))
                .thenApply(allDone -> pages.stream().map(CompletableFuture::join).toList());
    }
    // end::fetchAll[]
}
