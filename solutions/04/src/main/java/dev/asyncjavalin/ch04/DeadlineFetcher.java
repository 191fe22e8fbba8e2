package dev.asyncjavalin.ch04;

import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * All pages at once, but the answer waits no longer than a deadline: pages that answered by then
 * are rows as usual, the others become {@code timeout} rows, and their calls are cancelled.
 * Partial results in time beat complete results too late.
 */
final class DeadlineFetcher {

    private final PageClient client;
    private final Duration callTimeout;

    DeadlineFetcher(PageClient client, Duration callTimeout) {
        this.client = client;
        this.callTimeout = callTimeout;
    }

    // tag::fetchAll[]
    CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
        List<CompletableFuture<PageResult>> pages = urls.stream()
                .map(url -> withDeadline(client.fetch(url, callTimeout), url, deadline))
                .toList();
        return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new))
                .thenApply(allDone -> pages.stream().map(CompletableFuture::join).toList());
    }
    // end::fetchAll[]

    // tag::withDeadline[]
    private static CompletableFuture<PageResult> withDeadline(CompletableFuture<PageResult> page, String url, Duration deadline) {
        // EXERCISE 4.1: if the deadline passes first, end the page as a timeout row (PageClient then cancels its call)
        return page.completeOnTimeout(missed(url, deadline), deadline.toMillis(), TimeUnit.MILLISECONDS);
        // END EXERCISE 4.1
    }
    // end::withDeadline[]

    /** The row of a page that had not answered when the deadline passed. */
    static PageResult missed(String url, Duration deadline) {
        return PageResult.failed(url, Outcome.TIMEOUT, "no answer within the deadline of " + deadline.toMillis() + " ms; call cancelled", deadline);
    }
}
