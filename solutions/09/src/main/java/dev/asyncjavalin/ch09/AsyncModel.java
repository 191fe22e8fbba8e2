package dev.asyncjavalin.ch09;

import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Chapter 04's model: the same calls, all at once, but nothing waits for them. The route hands
 * the future to {@code ctx.future(...)} and its request thread goes back to the pool at once.
 */
final class AsyncModel {

    private final PageClient client;
    private final Duration callTimeout;

    AsyncModel(PageClient client, Duration callTimeout) {
        this.client = client;
        this.callTimeout = callTimeout;
    }

    // tag::fetchAll[]
    CompletableFuture<List<PageResult>> fetchAll(List<String> urls) {
        List<CompletableFuture<PageResult>> calls = urls.stream().map(url -> client.fetch(url, callTimeout)).toList();
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .thenApply(allIn -> calls.stream().map(CompletableFuture::join).toList()); // every call is done: join returns at once
    }
    // end::fetchAll[]
}
