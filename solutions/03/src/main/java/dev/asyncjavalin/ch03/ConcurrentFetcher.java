package dev.asyncjavalin.ch03;

import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * All pages at once: start every call, then wait for all of them. Costs about the slowest call,
 * as long as the Dispatcher lets every call run (see {@link UpstreamClient}).
 */
final class ConcurrentFetcher {

    private final PageCalls calls;

    ConcurrentFetcher(PageCalls calls) {
        this.calls = calls;
    }

    // tag::fetchAll[]
    List<PageResult> fetchAll(List<String> urls, Duration timeout) {
        List<CompletableFuture<PageResult>> pages = urls.stream()
                .map(url -> calls.start(url, timeout)) // all calls are in flight before we wait for any
                .toList();
        CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new)).join(); // this thread blocks here
        return pages.stream().map(CompletableFuture::join).toList(); // same order as urls
    }
    // end::fetchAll[]
}
