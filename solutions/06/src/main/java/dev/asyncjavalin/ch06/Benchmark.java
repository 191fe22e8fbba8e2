package dev.asyncjavalin.ch06;

import dev.asyncjavalin.ch06.broken.NoDeadline;
import dev.asyncjavalin.ch06.broken.SequentialFanOut;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.bench.BenchmarkMain;
import dev.asyncjavalin.lab.bench.Timed;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;

/**
 * What the chapter's testing rules cost and save, measured in one run: how long a timeout test
 * waits with an injected 50 ms deadline, with the app's real 2 s deadline, and against an
 * aggregator that ignores the deadline; and how long the barrier takes to prove (or disprove)
 * concurrency. Not a test: timings belong in a report, never in an assertion.
 *
 * <pre>mvn -pl chapters/06 exec:java@benchmark [-Dexec.args="--rounds 5"]</pre>
 */
public final class Benchmark {

    private static final Duration INJECTED_DEADLINE = Duration.ofMillis(50);
    private static final Duration APP_DEADLINE = Duration.ofMillis(App.DEFAULT_DEADLINE_MS);
    private static final Duration GIVE_UP = Duration.ofSeconds(1);

    public static void main(String[] args) throws Exception {
        BenchmarkMain.run(args, line -> run(line.intOption("rounds", 5, 1, 50)));
    }

    private static void run(int rounds) {
        try (PageClient client = PageClient.create(64, 64); SlowUpstream upstream = SlowUpstream.start()) {
            RecipeAggregator correct = new RecipeAggregator(client);
            List<String> neverAnswers = List.of(upstream.url("/hang"));
            System.out.printf("A page that never answers (%s), median of %d rounds after a warm-up:%n%n", neverAnswers.get(0), rounds);

            long injected = Timed.medianMillis(rounds, () -> fetch(correct, neverAnswers, INJECTED_DEADLINE).millis());
            // the slow ones once each: the JIT is warm by now, and they take seconds
            long appDefault = fetch(correct, neverAnswers, APP_DEADLINE).millis();
            long noDeadline = fetch(new NoDeadline(client), neverAnswers, INJECTED_DEADLINE).millis();
            System.out.printf("  RecipeAggregator, injected deadline of %4d ms   %6d ms%n", INJECTED_DEADLINE.toMillis(), injected);
            System.out.printf("  RecipeAggregator, the app's deadline of %4d ms  %6d ms%n", APP_DEADLINE.toMillis(), appDefault);
            System.out.printf("  NoDeadline, asked for %d ms                     %6d ms (its call timeout is %d s)%n",
                    INJECTED_DEADLINE.toMillis(), noDeadline, RecipeAggregator.CALL_TIMEOUT.toSeconds());
            System.out.printf("%n  a timeout test with an injected deadline waits %.0fx less than one with the app's deadline%n",
                    (double) appDefault / Math.max(1, injected));

            // the barrier answers when 10 calls are in flight together; the sequential variant waits for its timeout
            System.out.printf("%nProving concurrency with SlowUpstream's barrier (10 pages, gives up after %d ms):%n%n", GIVE_UP.toMillis());
            long barrier = Timed.medianMillis(rounds, () -> {
                try (SlowUpstream tenAtOnce = SlowUpstream.builder().pages(10).barrier(10, GIVE_UP).start()) {
                    Timed<List<PageResult>> run = fetch(correct, tenAtOnce.recipeUrls(), Duration.ofSeconds(5));
                    PageResult.requireAllOk(run.value()); // a call that failed: the barrier was not reached
                    return run.millis();
                }
            });
            Timed<List<PageResult>> sequential;
            try (SlowUpstream tenAtOnce = SlowUpstream.builder().pages(10).barrier(10, GIVE_UP).start()) {
                sequential = fetch(new SequentialFanOut(client), tenAtOnce.recipeUrls(), Duration.ofSeconds(5));
            }
            System.out.printf("  RecipeAggregator: every row 200 after  %6d ms%n", barrier);
            System.out.printf("  SequentialFanOut: rows %s after %6d ms (the barrier's timeout, then every call is refused)%n",
                    sequential.value().stream().map(PageResult::status).distinct().toList(), sequential.millis());
        }
    }

    private static Timed<List<PageResult>> fetch(Aggregator aggregator, List<String> urls, Duration deadline) {
        return Timed.run(() -> aggregator.fetchAll(urls, deadline).join());
    }
}
