package dev.asyncjavalin.ch04;

import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * All pages at once, without waiting: starts every call and returns a future of all the rows.
 * Whoever holds the future chooses: {@code join()} it and keep a thread (chapter 03), or hand it
 * to Javalin and let the thread go (this chapter).
 */
final class AsyncFetcher {

    private final PageClient client;
    private final Duration callTimeout;

    AsyncFetcher(PageClient client, Duration callTimeout) {
        this.client = client;
        this.callTimeout = callTimeout;
    }

    // tag::fetchAll[]
    CompletableFuture<List<PageResult>> fetchAll(List<String> urls) {
        List<CompletableFuture<PageResult>> pages = urls.stream()
                .map(url -> client.fetch(url, callTimeout)) // every call is in flight before anything waits
                .toList();
        return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new))
                .thenApply(allDone -> pages.stream().map(CompletableFuture::join).toList()); // join cannot block here: all are done
    }
    // end::fetchAll[]
}
