package dev.asyncjavalin.ch06;

import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches a list of pages and answers with one row per page. An interface so that a test can be
 * pointed at the correct {@link RecipeAggregator} or at one of the deliberately broken variants in
 * {@code dev.asyncjavalin.ch06.broken}, and must tell them apart.
 */
public interface Aggregator {

    /**
     * Starts fetching every URL and returns at once. The future completes with one row per URL, in
     * the order of {@code urls}, no later than {@code deadline} after the call: a page that has not
     * answered by then is a {@code timeout} row, a page that failed is a row with its own status.
     * The future itself never fails.
     */
    CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline);
}
