package dev.asyncjavalin.ch03;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.bench.BenchmarkMain;
import dev.asyncjavalin.lab.bench.Rounds;
import dev.asyncjavalin.lab.bench.Stats;
import dev.asyncjavalin.lab.bench.Timed;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * Measures one-after-another against all-at-once on the embedded upstream, in one run, and
 * prints the ratios. Not a test: timings belong in a report, not in an assertion.
 *
 * <pre>mvn -pl chapters/03 exec:java@benchmark [-Dexec.args="--rounds 5 --pages 10"]</pre>
 */
public final class Benchmark {

    public static void main(String[] args) throws Exception {
        BenchmarkMain.run(args, line -> run(line.intOption("rounds", 3, 1, 50), line.intOption("pages", SlowUpstream.DEFAULT_PAGES, 1, 50)));
    }

    private static void run(int rounds, int pageCount) throws Exception {
        OkHttpClient chapterClient = UpstreamClient.create();
        OkHttpClient defaultClient = new OkHttpClient(); // OkHttp's defaults: at most 5 calls per host
        try (SlowUpstream upstream = SlowUpstream.builder().pages(pageCount).start()) {
            List<String> urls = upstream.recipeUrls();
            System.out.printf("%s%n%d pages, %d rounds after one warm-up round; seeded latencies (ms): %s%n%n",
                    upstream.describe(), urls.size(), rounds, upstream.latencies().stream().map(Duration::toMillis).toList());

            SequentialFetcher sequential = new SequentialFetcher(new PageCalls(chapterClient));
            ConcurrentFetcher concurrentDefault = new ConcurrentFetcher(new PageCalls(defaultClient));
            ConcurrentFetcher concurrent = new ConcurrentFetcher(new PageCalls(chapterClient));

            System.out.println("round   one after another   all at once (5/host)   all at once (this chapter)   slowest call");
            Rounds.Samples<String> ms = Rounds.run(1, rounds, (label, samples) -> {
                Timed<List<PageResult>> oneByOne = Timed.run(() -> PageResult.requireAllOk(sequential.fetchAll(urls, App.CALL_TIMEOUT)));
                Timed<List<PageResult>> fivePerHost =
                        Timed.run(() -> PageResult.requireAllOk(concurrentDefault.fetchAll(urls, App.CALL_TIMEOUT)));
                Timed<List<PageResult>> allAtOnce = Timed.run(() -> PageResult.requireAllOk(concurrent.fetchAll(urls, App.CALL_TIMEOUT)));
                long slowestCall = PageResult.slowest(oneByOne.value()).toMillis(); // each call alone, never queued
                System.out.printf("%-7s %14d ms %19d ms %25d ms %12d ms%n", label, oneByOne.millis(), fivePerHost.millis(),
                        allAtOnce.millis(), slowestCall);
                samples.add("one after another", oneByOne.millis());
                samples.add("5/host", fivePerHost.millis());
                samples.add("this chapter", allAtOnce.millis());
                samples.add("slowest call", slowestCall);
            });
            long seq = ms.medianMillis("one after another");
            long five = ms.medianMillis("5/host");
            long all = ms.medianMillis("this chapter");
            long slowest = ms.medianMillis("slowest call");
            long sumOfLatencies = upstream.latencies().stream().mapToLong(Duration::toMillis).sum();
            // the bound from the seeds alone, as chapter 09 prints it: the same pages give the same bound everywhere
            long seededSlowest = upstream.latencies().stream().mapToLong(Duration::toMillis).max().orElseThrow();
            System.out.printf("%nmedians: one after another %d ms (sum of latencies %d ms), all at once %d ms with 5/host, %d ms with this chapter's client, slowest call %d ms%n",
                    seq, sumOfLatencies, five, all, slowest);
            System.out.printf("speed-up, one after another / all at once:  %.2fx (the bound, seeded sum / seeded slowest, is %.2fx)%n",
                    Stats.ratio(seq, all), Stats.ratio(sumOfLatencies, seededSlowest));
            System.out.printf("all at once / slowest call:                 %.3f (1.000 = no overhead at all)%n", Stats.ratio(all, slowest));
            System.out.printf("5-per-host limit / this chapter's client:   %.2fx%s%n", Stats.ratio(five, all),
                    all > slowest * 1.05 ? "   <- still waves: solve exercise 3.2" : "");
        } finally {
            UpstreamClient.shutdown(chapterClient);
            UpstreamClient.shutdown(defaultClient);
        }
    }
}
