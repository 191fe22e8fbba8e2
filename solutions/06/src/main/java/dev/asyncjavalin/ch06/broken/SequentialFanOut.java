package dev.asyncjavalin.ch06.broken;

import dev.asyncjavalin.ch06.Aggregator;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * DELIBERATELY WRONG, for exercise 6.1: it returns a future at once and never blocks a thread, so
 * it looks asynchronous, but each call starts only when the one before it has ended. Ten pages
 * cost the sum of their latencies, and each one gets the whole deadline to itself.
 * Every row is right; only a test that checks the calls overlap can catch it.
 */
public final class SequentialFanOut implements Aggregator {

    private final PageClient client;

    public SequentialFanOut(PageClient client) {
        this.client = client;
    }

    // tag::fetchAll[]
    @Override
    public CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
        CompletableFuture<List<PageResult>> rows = CompletableFuture.completedFuture(new ArrayList<>());
        for (String url : urls) {
            rows = rows.thenCompose(done -> client.fetch(url, deadline) // WRONG: starts after the previous call ended
                    .thenApply(row -> {
                        done.add(row);
                        return done;
                    }));
        }
        return rows.thenApply(List::copyOf);
    }
    // end::fetchAll[]
}
