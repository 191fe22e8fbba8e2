package dev.asyncjavalin.ch03;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageReader;
import dev.asyncjavalin.lab.pages.PageResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Exercise 3.3 (build it): fetches one page's URLs with blocking calls, on a bounded pool of its
 * own, and answers by the page's deadline. You write the whole class from its specification in this
 * chapter's README, section "Exercise 3.3 · a pool of its own fetches the page by its deadline".
 */
final class PooledFetcher {

    // tag::pageFetch[]
    /** One blocking call: the page's row, or an IOException when the upstream failed. */
    @FunctionalInterface
    interface PageFetch {
        PageResult fetch(String url) throws IOException;
    }
    // end::pageFetch[]

    // EXERCISE 3.3: a pool of its own fetches the page by its deadline
    private final PageFetch fetch;
    private final int threads;
    private final ThreadFactory threadFactory;

    PooledFetcher(PageFetch fetch, int threads, ThreadFactory threadFactory) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.fetch = fetch;
        this.threads = threads;
        this.threadFactory = threadFactory;
    }

    List<PageResult> fetchAll(List<String> urls, Duration deadline) throws InterruptedException {
        if (urls.isEmpty()) {
            return List.of(); // no calls, no pool
        }
        // a pool of its own, never wider than the page: blocking calls are bounded here, not by OkHttp's Dispatcher
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, urls.size()), threadFactory);
        try {
            List<Callable<PageResult>> calls = new ArrayList<>();
            for (String url : urls) {
                calls.add(() -> call(url));
            }
            // returns when all are done or the deadline has passed, and cancels (interrupts) the ones still running
            List<Future<PageResult>> done = pool.invokeAll(calls, deadline.toMillis(), TimeUnit.MILLISECONDS);
            List<PageResult> rows = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) { // invokeAll keeps the order of its tasks
                rows.add(row(urls.get(i), done.get(i), deadline));
            }
            return rows;
        } finally {
            pool.shutdownNow(); // every path, the throwing ones too: no thread outlives the page
        }
    }

    /** Runs on a pool thread: an upstream failure becomes the row that says so. */
    private PageResult call(String url) {
        long started = System.nanoTime();
        try {
            return fetch.fetch(url);
        } catch (IOException e) {
            return PageResult.failed(url, Outcome.of(e), Outcome.detail(e), PageReader.since(started));
        }
    }

    private static PageResult row(String url, Future<PageResult> call, Duration deadline) throws InterruptedException {
        if (call.isCancelled()) {
            return PageResult.failed(url, Outcome.TIMEOUT, "no answer within the page's " + deadline.toMillis() + " ms", deadline);
        }
        try {
            return call.get(); // done: invokeAll returned
        } catch (ExecutionException e) {
            // not an upstream fault but a bug in fetch: let it reach the app's error handling, never as a row
            if (e.getCause() instanceof RuntimeException bug) {
                throw bug;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
    // END EXERCISE 3.3
}
