package dev.asyncjavalin.ch06.broken;

import dev.asyncjavalin.ch06.Aggregator;
import dev.asyncjavalin.ch06.RecipeAggregator;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * DELIBERATELY WRONG, for exercise 6.3: concurrent and on time, but it keeps only the pages that
 * worked. A page that failed or missed the deadline simply vanishes, so the reader never learns it
 * was asked for. It even looks tidy. A test that only looks at pages that work cannot catch it.
 */
public final class LostError implements Aggregator {

    private final RecipeAggregator correct;

    public LostError(PageClient client) {
        this.correct = new RecipeAggregator(client);
    }

    // tag::fetchAll[]
    @Override
    public CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
        return correct.fetchAll(urls, deadline)
                .thenApply(rows -> rows.stream()
                        .filter(PageResult::ok) // WRONG: a page that failed leaves no row behind
                        .toList());
    }
    // end::fetchAll[]
}
