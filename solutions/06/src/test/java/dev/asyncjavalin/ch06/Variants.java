package dev.asyncjavalin.ch06;

import dev.asyncjavalin.ch06.broken.LostError;
import dev.asyncjavalin.ch06.broken.NoDeadline;
import dev.asyncjavalin.ch06.broken.SequentialFanOut;
import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The aggregators an exercise check runs your tests against, as in mutation testing: your tests must
 * pass on every correct one and fail on every broken one. Nothing to change here, but worth reading
 * once you have written a test: each broken variant is one way to get the lesson wrong.
 */
final class Variants {

    /** One aggregator to run the learner's tests against, with a line on what makes it what it is. */
    record Variant(String name, String what, Function<PageClient, Aggregator> create) {
    }

    private Variants() {
    }

    // tag::variants[]
    /** Correct aggregators: every test of yours must pass on each of them. */
    static final List<Variant> CORRECT = List.of(
            new Variant("RecipeAggregator", "the correct one", RecipeAggregator::new),
            // a test that checks the class, or how the rows are made, fails here
            new Variant("IndexedAggregator", "a correct aggregator built differently (one timer for the deadline, rows filled in by index)",
                    IndexedAggregator::new),
            // a test that times fetchAll fails here: see LateButConcurrent
            new Variant("LateButConcurrent", "a correct aggregator whose rows come as late as sequential calls' would (a busy machine)",
                    LateButConcurrent::new));

    static final List<Variant> BROKEN_61 = List.of(
            new Variant("SequentialFanOut", "calls one after another", SequentialFanOut::new),
            new Variant("InPairs", "has at most two calls in flight", InPairs::new),
            new Variant("FirstCallAlone", "makes the first call alone, then the rest together", FirstCallAlone::new));

    static final List<Variant> BROKEN_62 = List.of(
            new Variant("NoDeadline", "ignores the deadline and waits for the 10 s call timeout", NoDeadline::new),
            new Variant("FailsAtDeadline", "fails the whole future at the deadline (orTimeout) instead of a timeout row", FailsAtDeadline::new),
            new Variant("TimeoutForAll", "turns every row into timeout at the deadline, also the pages that had answered", TimeoutForAll::new));

    static final List<Variant> BROKEN_63 = List.of(
            new Variant("LostError", "drops the row of every page that failed", LostError::new),
            new Variant("FailuresLast", "moves the failed rows after the pages that worked", FailuresLast::new),
            new Variant("Relabelled", "reports every failure as a lost connection, whatever went wrong", Relabelled::new));

    static final List<Variant> BROKEN_64 = List.of(
            new Variant("MergesDuplicates", "gives a page asked for twice one row", MergesDuplicates::new),
            new Variant("RetriesServerErrors", "asks a second time for a page that answered 5xx", RetriesServerErrors::new),
            new Variant("KeepsCallRunning", "gives the timeout row at the deadline but leaves the HTTP call running", KeepsCallRunning::new));

    static final List<Variant> BROKEN_65 = List.of(
            new Variant("BlocksCaller", "waits for the rows on the caller's thread, then returns a finished future", BlocksCaller::new),
            new Variant("BlocksPoolThread", "hands the wait to the common pool, where a thread sits in join() until the rows are in",
                    BlocksPoolThread::new),
            new Variant("ThreadPerRequest", "starts a thread per request that sits in join() until the rows are in", ThreadPerRequest::new));
    // end::variants[]

    /**
     * Correct, built another way than {@link RecipeAggregator}: one timer for the whole request, and
     * each row written into its slot as it arrives. Same rows, same order, same deadline.
     */
    static final class IndexedAggregator implements Aggregator {

        private final PageClient client;

        IndexedAggregator(PageClient client) {
            this.client = client;
        }

        @Override
        public CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
            if (urls.isEmpty()) {
                return CompletableFuture.completedFuture(List.of());
            }
            AtomicReferenceArray<PageResult> rows = new AtomicReferenceArray<>(urls.size());
            AtomicInteger missing = new AtomicInteger(urls.size());
            CompletableFuture<List<PageResult>> all = new CompletableFuture<>();
            List<CompletableFuture<PageResult>> calls = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) {
                int slot = i;
                CompletableFuture<PageResult> call = client.fetch(urls.get(i), RecipeAggregator.CALL_TIMEOUT);
                calls.add(call);
                call.thenAccept(row -> {
                    if (rows.compareAndSet(slot, null, row) && missing.decrementAndGet() == 0) {
                        List<PageResult> inOrder = new ArrayList<>();
                        for (int k = 0; k < rows.length(); k++) {
                            inOrder.add(rows.get(k));
                        }
                        all.complete(List.copyOf(inOrder));
                    }
                });
            }
            // completing a call's future with a timeout row fills its slot and cancels its HTTP call;
            // a call that has already answered ignores it
            CompletableFuture.delayedExecutor(deadline.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
                for (int i = 0; i < urls.size(); i++) {
                    calls.get(i).complete(RecipeAggregator.missedDeadline(urls.get(i), deadline));
                }
            });
            return all;
        }
    }

    /**
     * Correct: every call is in flight at once and the deadline holds, but the rows are handed over
     * only when calls made one after another would have ended (the sum of the calls' times, and never
     * after the deadline), as a busy machine might. It takes at least as long as SequentialFanOut, so a
     * test that tells concurrent from sequential calls by the time fetchAll takes fails on it, whatever
     * clock it reads (System.nanoTime, a tight succeedsWithin, assertTimeout). A barrier is not fooled.
     */
    static final class LateButConcurrent implements Aggregator {

        private final RecipeAggregator correct;

        LateButConcurrent(PageClient client) {
            this.correct = new RecipeAggregator(client);
        }

        @Override
        public CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
            long started = System.nanoTime();
            return correct.fetchAll(urls, deadline).thenCompose(rows -> {
                long oneAfterAnother = Math.min(PageResult.sum(rows).toNanos(), deadline.toNanos());
                long hold = oneAfterAnother - (System.nanoTime() - started);
                return hold <= 0 ? CompletableFuture.completedFuture(rows)
                        : CompletableFuture.supplyAsync(() -> rows, CompletableFuture.delayedExecutor(hold, TimeUnit.NANOSECONDS));
            });
        }
    }

    /** Broken for 6.1: the calls go in pairs, each pair after the one before (a pool of two). */
    static final class InPairs implements Aggregator {

        private final PageClient client;

        InPairs(PageClient client) {
            this.client = client;
        }

        @Override
        public CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
            CompletableFuture<List<PageResult>> rows = CompletableFuture.completedFuture(List.of());
            for (int i = 0; i < urls.size(); i += 2) {
                List<String> pair = urls.subList(i, Math.min(i + 2, urls.size()));
                rows = rows.thenCompose(done -> together(client, pair, deadline)
                        .thenApply(more -> Stream.concat(done.stream(), more.stream()).toList()));
            }
            return rows;
        }
    }

    /** Broken for 6.1: the first call alone ("to warm up the connection"), then all the others together. */
    static final class FirstCallAlone implements Aggregator {

        private final PageClient client;

        FirstCallAlone(PageClient client) {
            this.client = client;
        }

        @Override
        public CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
            if (urls.isEmpty()) {
                return CompletableFuture.completedFuture(List.of());
            }
            return together(client, urls.subList(0, 1), deadline)
                    .thenCompose(first -> together(client, urls.subList(1, urls.size()), deadline)
                            .thenApply(rest -> Stream.concat(first.stream(), rest.stream()).toList()));
        }
    }

    /** Broken for 6.2: a slow page sinks the whole request; the future fails at the deadline. */
    static final class FailsAtDeadline implements Aggregator {

        private final PageClient client;

        FailsAtDeadline(PageClient client) {
            this.client = client;
        }

        @Override
        public CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
            List<CompletableFuture<PageResult>> pages = urls.stream().map(url -> client.fetch(url, RecipeAggregator.CALL_TIMEOUT)).toList();
            return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new))
                    .thenApply(allDone -> pages.stream().map(CompletableFuture::join).toList())
                    .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS); // WRONG: a TimeoutException, no rows
        }
    }

    /** Broken for 6.2: one deadline for the list, so at the deadline every row says timeout. */
    static final class TimeoutForAll implements Aggregator {

        private final PageClient client;

        TimeoutForAll(PageClient client) {
            this.client = client;
        }

        @Override
        public CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
            List<CompletableFuture<PageResult>> pages = urls.stream().map(url -> client.fetch(url, RecipeAggregator.CALL_TIMEOUT)).toList();
            List<PageResult> allMissed = urls.stream().map(url -> RecipeAggregator.missedDeadline(url, deadline)).toList();
            return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new))
                    .thenApply(allDone -> pages.stream().map(CompletableFuture::join).toList())
                    .completeOnTimeout(allMissed, deadline.toMillis(), TimeUnit.MILLISECONDS); // WRONG: the answered pages too
        }
    }

    /** Broken for 6.3: every row is there, but the failures are moved to the end. */
    static final class FailuresLast implements Aggregator {

        private final RecipeAggregator correct;

        FailuresLast(PageClient client) {
            this.correct = new RecipeAggregator(client);
        }

        @Override
        public CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
            return correct.fetchAll(urls, deadline).thenApply(rows -> Stream.concat(
                    rows.stream().filter(PageResult::ok), rows.stream().filter(row -> !row.ok())).toList());
        }
    }

    /** Broken for 6.3: every failure keeps its row and its place, but they all say "connection lost". */
    static final class Relabelled implements Aggregator {

        private final RecipeAggregator correct;

        Relabelled(PageClient client) {
            this.correct = new RecipeAggregator(client);
        }

        @Override
        public CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
            return correct.fetchAll(urls, deadline).thenApply(rows -> rows.stream()
                    .map(row -> row.ok() ? row : PageResult.failed(row.url(), Outcome.CONNECTION_LOST, row.detail(), row.elapsed()))
                    .toList());
        }
    }

    /** Broken for 6.4: "no need to fetch a page twice": one call per distinct URL, and one row per call. */
    static final class MergesDuplicates implements Aggregator {

        private final PageClient client;

        MergesDuplicates(PageClient client) {
            this.client = client;
        }

        @Override
        public CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
            Map<String, CompletableFuture<PageResult>> byUrl = new LinkedHashMap<>();
            urls.forEach(url -> byUrl.computeIfAbsent(url, first -> client.fetch(first, RecipeAggregator.CALL_TIMEOUT)
                    .completeOnTimeout(RecipeAggregator.missedDeadline(first, deadline), deadline.toMillis(), TimeUnit.MILLISECONDS)));
            return CompletableFuture.allOf(byUrl.values().toArray(CompletableFuture[]::new))
                    .thenApply(allDone -> byUrl.values().stream().map(CompletableFuture::join).toList()); // WRONG: a row per distinct URL
        }
    }

    /** Broken for 6.4: a 5xx gets a second chance, so a failing upstream is asked twice as often. */
    static final class RetriesServerErrors implements Aggregator {

        private final PageClient client;

        RetriesServerErrors(PageClient client) {
            this.client = client;
        }

        @Override
        public CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
            List<CompletableFuture<PageResult>> pages = urls.stream()
                    .map(url -> beforeDeadline(url, deadline).thenCompose(row -> row.httpStatus() >= 500
                            ? beforeDeadline(url, deadline) // WRONG: the same request again
                            : CompletableFuture.completedFuture(row)))
                    .toList();
            return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new))
                    .thenApply(allDone -> pages.stream().map(CompletableFuture::join).toList());
        }

        private CompletableFuture<PageResult> beforeDeadline(String url, Duration deadline) {
            return client.fetch(url, RecipeAggregator.CALL_TIMEOUT)
                    .completeOnTimeout(RecipeAggregator.missedDeadline(url, deadline), deadline.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Broken for 6.4: a timer of its own races each page. The rows are right and on time, but the
     * page's future is never completed, so its HTTP call (and socket, and thread) runs on until the
     * 10 s call timeout.
     */
    static final class KeepsCallRunning implements Aggregator {

        private final PageClient client;

        KeepsCallRunning(PageClient client) {
            this.client = client;
        }

        @Override
        public CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
            Executor atDeadline = CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS);
            List<CompletableFuture<PageResult>> pages = urls.stream()
                    .map(url -> client.fetch(url, RecipeAggregator.CALL_TIMEOUT).applyToEither( // WRONG: the call never hears it lost
                            CompletableFuture.supplyAsync(() -> RecipeAggregator.missedDeadline(url, deadline), atDeadline), row -> row))
                    .toList();
            return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new))
                    .thenApply(allDone -> pages.stream().map(CompletableFuture::join).toList());
        }
    }

    /** Broken for 6.5: the rows are right and on time, but the caller's thread waits for them. */
    static final class BlocksCaller implements Aggregator {

        private final PageClient client;

        BlocksCaller(PageClient client) {
            this.client = client;
        }

        @Override
        public CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
            return CompletableFuture.completedFuture(beforeDeadline(client, urls, deadline).join()); // WRONG: blocks the caller
        }
    }

    /** Broken for 6.5: returns at once, but a thread of the common pool sits in join() for every request. */
    static final class BlocksPoolThread implements Aggregator {

        private final PageClient client;

        BlocksPoolThread(PageClient client) {
            this.client = client;
        }

        @Override
        public CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
            return CompletableFuture.supplyAsync(() -> beforeDeadline(client, urls, deadline).join()); // WRONG: a pool thread waits
        }
    }

    /** Broken for 6.5: returns at once, but starts a platform thread per request that waits for the rows. */
    static final class ThreadPerRequest implements Aggregator {

        private final PageClient client;

        ThreadPerRequest(PageClient client) {
            this.client = client;
        }

        @Override
        public CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
            CompletableFuture<List<PageResult>> rows = new CompletableFuture<>();
            new Thread(() -> rows.complete(beforeDeadline(client, urls, deadline).join())).start(); // WRONG: a thread per request
            return rows;
        }
    }

    /** RecipeAggregator's rows, built here so that a broken variant's threads show only its own code. */
    private static CompletableFuture<List<PageResult>> beforeDeadline(PageClient client, List<String> urls, Duration deadline) {
        List<CompletableFuture<PageResult>> pages = urls.stream()
                .map(url -> client.fetch(url, RecipeAggregator.CALL_TIMEOUT).completeOnTimeout(
                        RecipeAggregator.missedDeadline(url, deadline), deadline.toMillis(), TimeUnit.MILLISECONDS))
                .toList();
        return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new))
                .thenApply(allDone -> pages.stream().map(CompletableFuture::join).toList());
    }

    /** Fetches {@code urls} all at once, each with the whole deadline; the rows in the order of urls. */
    private static CompletableFuture<List<PageResult>> together(PageClient client, List<String> urls, Duration deadline) {
        List<CompletableFuture<PageResult>> pages = urls.stream().map(url -> client.fetch(url, deadline)).toList();
        return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new))
                .thenApply(allDone -> pages.stream().map(CompletableFuture::join).toList());
    }
}
