package dev.asyncjavalin.ch03;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Exercise 3.4 (warm-up): {@link ConcurrentFetcher} without {@code allOf}, written with streams.
 * The obvious single pipeline is a trap; this chapter's README, section "Exercise 3.4", shows why.
 */
final class StreamFetcher {

    private final PageCalls calls;

    StreamFetcher(PageCalls calls) {
        this.calls = calls;
    }

    List<PageResult> fetchAll(List<String> urls, Duration timeout) {
        // EXERCISE 3.4: start every call before waiting for the first one (one pipeline that maps start, then join, does not)
        // toList() is terminal: every call is started before the second stream joins the first one
        List<CompletableFuture<PageResult>> started = urls.stream().map(url -> calls.start(url, timeout)).toList();
        return started.stream().map(CompletableFuture::join).toList(); // in the order of urls
        // END EXERCISE 3.4
    }
}
