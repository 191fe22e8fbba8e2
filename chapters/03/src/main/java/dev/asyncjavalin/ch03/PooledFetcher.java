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
    PooledFetcher(PageFetch fetch, int threads, ThreadFactory threadFactory) {
    }

    List<PageResult> fetchAll(List<String> urls, Duration deadline) throws InterruptedException {
        throw new ExerciseNotSolved("3.3", "write the body of PooledFetcher (fields, constructor, fetchAll) from its specification");
    }
    // END EXERCISE 3.3
}
