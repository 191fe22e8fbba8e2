package dev.asyncjavalin.ch09;

import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Chapter 03's model: every call started at once, and the request thread blocked until the last
 * one is in. A request costs about its slowest call, and holds a request thread all that time.
 */
final class ConcurrentModel {

    private final PageClient client;
    private final Duration callTimeout;

    ConcurrentModel(PageClient client, Duration callTimeout) {
        this.client = client;
        this.callTimeout = callTimeout;
    }

    // tag::fetchAll[]
    List<PageResult> fetchAll(List<String> urls) {
        List<CompletableFuture<PageResult>> calls = urls.stream().map(url -> client.fetch(url, callTimeout)).toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join(); // the request thread waits here
        return calls.stream().map(CompletableFuture::join).toList(); // in the order of the URLs
    }
    // end::fetchAll[]
}
