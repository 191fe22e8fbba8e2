package dev.asyncjavalin.ch07;

import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * All pages at once, written as plain blocking code: every call blocks its own virtual thread,
 * at most {@code maxInFlight} calls of one request run at the same time, and the request waits
 * no longer than its deadline. No futures to compose, no callbacks: a loop of blocking calls
 * that happens to run side by side.
 */
final class VirtualThreadFetcher {

    private final PageClient client;
    private final Duration callTimeout;

    VirtualThreadFetcher(PageClient client, Duration callTimeout) {
        this.client = client;
        this.callTimeout = callTimeout;
    }

    // tag::fetchAll[]
    List<PageResult> fetchAll(List<String> urls, int maxInFlight, Duration deadline) throws InterruptedException {
        Semaphore permits = new Semaphore(maxInFlight); // this request's own limit; other requests have theirs
        List<Callable<PageResult>> calls = urls.stream()
                .<Callable<PageResult>>map(url -> () -> fetchOne(url, permits))
                .toList();
        try (ExecutorService threads = threadPerCall()) {
            // waits until every call is done or the deadline passes, then cancels (interrupts) the rest;
            // the futures come back in the order of the calls, so the rows keep the order of the URLs
            List<Future<PageResult>> pages = threads.invokeAll(calls, deadline.toNanos(), TimeUnit.NANOSECONDS);
            return IntStream.range(0, urls.size())
                    .mapToObj(i -> rowOf(pages.get(i), urls.get(i), deadline))
                    .toList();
        } // close() waits until the interrupted calls have ended: no thread outlives the request
    }
    // end::fetchAll[]

    // tag::threadPerCall[]
    private static ExecutorService threadPerCall() {
        // EXERCISE 7.1: give every call its own virtual thread
        return Executors.newVirtualThreadPerTaskExecutor(); // a new virtual thread for every task, never reused
        // END EXERCISE 7.1
    }
    // end::threadPerCall[]

    // tag::fetchOne[]
    private PageResult fetchOne(String url, Semaphore permits) throws InterruptedException {
        // EXERCISE 7.2: take one of the permits before calling, and give it back after, whatever happens
        permits.acquire(); // waits (unmounted, costing no carrier) while maxInFlight calls are running
        try {
            return client.fetchBlocking(url, callTimeout);
        } finally {
            permits.release();
        }
        // END EXERCISE 7.2
    }
    // end::fetchOne[]

    // tag::rowOf[]
    private static PageResult rowOf(Future<PageResult> page, String url, Duration deadline) {
        return switch (page.state()) {
            case SUCCESS -> page.resultNow(); // fetchBlocking turns every failure into a row already
            case CANCELLED -> missed(url, deadline); // still running, or waiting for a permit, at the deadline
            case FAILED -> PageResult.failed(url, Outcome.UNREACHABLE, page.exceptionNow().toString(), Duration.ZERO);
            case RUNNING -> throw new IllegalStateException("invokeAll returns only when every call is done or cancelled");
        };
    }
    // end::rowOf[]

    /** The row of a page that had not answered when the deadline passed. */
    static PageResult missed(String url, Duration deadline) {
        return PageResult.failed(url, Outcome.TIMEOUT,
                "no answer within the deadline of " + deadline.toMillis() + " ms; call cancelled", deadline);
    }
}
