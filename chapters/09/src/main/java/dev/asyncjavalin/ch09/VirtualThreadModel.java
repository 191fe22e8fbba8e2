package dev.asyncjavalin.ch09;

import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Chapter 07's model (JDK 21+): plain blocking calls, each on its own virtual thread, while the
 * request itself runs on a virtual thread too. Blocking a virtual thread costs a little memory,
 * not a platform thread.
 */
final class VirtualThreadModel {

    private final PageClient client;
    private final Duration callTimeout;

    VirtualThreadModel(PageClient client, Duration callTimeout) {
        this.client = client;
        this.callTimeout = callTimeout;
    }

    // tag::fetchAll[]
    List<PageResult> fetchAll(List<String> urls) throws InterruptedException {
        List<Callable<PageResult>> calls = urls.stream()
                .<Callable<PageResult>>map(url -> () -> client.fetchBlocking(url, callTimeout))
                .toList();
        ExecutorService threads = VirtualThreads.newThreadPerTaskExecutor(); // one new virtual thread per call
        try {
            List<Future<PageResult>> pages = threads.invokeAll(calls); // blocks this (virtual) thread until all are done
            List<PageResult> rows = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) {
                rows.add(rowOf(pages.get(i), urls.get(i)));
            }
            return rows;
        } finally {
            threads.shutdown(); // ExecutorService.close() is JDK 19+: this module compiles for 17
        }
    }
    // end::fetchAll[]

    private static PageResult rowOf(Future<PageResult> page, String url) throws InterruptedException {
        try {
            return page.get(); // done already: invokeAll returns when every call has ended
        } catch (ExecutionException e) {
            // fetchBlocking turns failures into rows; this is only for what it could not foresee
            return PageResult.failed(url, Outcome.CONNECTION_LOST, String.valueOf(e.getCause()), Duration.ZERO);
        }
    }
}
