package dev.asyncjavalin.ch06;

import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The aggregator as it should be: every call starts at once, the request's deadline ends the
 * wait for all of them, and every failure stays a row. This is the code under test in this chapter.
 */
public final class RecipeAggregator implements Aggregator {

    /** No single call runs longer than this, whatever deadline a request asks for. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final PageClient client;

    public RecipeAggregator(PageClient client) {
        this.client = client;
    }

    // tag::fetchAll[]
    @Override
    public CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
        List<CompletableFuture<PageResult>> pages = urls.stream()
                .map(url -> client.fetch(url, CALL_TIMEOUT) // every call is in flight before we wait for any
                        // at the deadline a page still out becomes a timeout row; completing its future
                        // also cancels its HTTP call (PageClient ties the two together)
                        .completeOnTimeout(missedDeadline(url, deadline), deadline.toMillis(), TimeUnit.MILLISECONDS))
                .toList();
        return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new))
                .thenApply(allDone -> pages.stream().map(CompletableFuture::join).toList()); // in the order of urls
    }
    // end::fetchAll[]

    static PageResult missedDeadline(String url, Duration deadline) {
        return PageResult.failed(url, Outcome.TIMEOUT, "no answer within the deadline of " + deadline.toMillis() + " ms", deadline);
    }
}
