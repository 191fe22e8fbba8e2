package dev.asyncjavalin.ch07;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import dev.asyncjavalin.lab.pages.PageResult;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Exercise 7.3 (build it): every page of a request fetched with {@code sendAsync}, none of them
 * holding a thread while it waits. Write it from its specification in the chapter README, section
 * "Exercise 7.3 · an event-loop fan-out with sendAsync": what the constructor gets, what
 * {@code fetchAll} returns, which rows a failure and the deadline make. {@link AsyncPageCall}
 * fetches one page; this class fans a list of them out.
 */
final class EventLoopFetcher {

    // EXERCISE 7.3 an event-loop fan-out with sendAsync
    private final HttpClient client;
    private final Duration callTimeout;

    EventLoopFetcher(HttpClient client, Duration callTimeout) {
        this.client = client; // shared: its one selector thread waits for every call of every request
        this.callTimeout = callTimeout;
    }

    CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
        // every call is sent before any answer is awaited, and nothing here waits at all
        List<CompletableFuture<PageResult>> pages = urls.stream().map(url -> page(url, deadline)).toList();
        return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new))
                // runs once the last page is in: every join() below returns at once, in the order of the URLs
                .thenApply(allDone -> pages.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<PageResult> page(String url, Duration deadline) {
        long started = System.nanoTime();
        return AsyncPageCall.fetch(client, url, callTimeout)
                // on the future fetch returned, so that the deadline ends the HTTP call too, not only its row
                .completeOnTimeout(VirtualThreadFetcher.missed(url, deadline), deadline.toNanos(), TimeUnit.NANOSECONDS)
                .exceptionally(failure -> AsyncPageCall.failed(url, failure, callTimeout, started));
    }
    // END EXERCISE 7.3
}
