package dev.asyncjavalin.ch09;

import dev.asyncjavalin.ch09.Statistics.Summary;
import dev.asyncjavalin.lab.CommandLine;
import dev.asyncjavalin.lab.ConnectionCost;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.bench.Format;
import dev.asyncjavalin.lab.bench.LoadGenerator;
import dev.asyncjavalin.lab.bench.LoadGenerator.Run;
import dev.asyncjavalin.lab.bench.Progress;
import io.javalin.Javalin;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The article's "about 8x" for three URLs, measured instead of argued. Overlap alone cannot give
 * it: N calls cost the sum of their latencies one after another and at least the slowest when
 * they overlap, so overlap gives at most sum / slowest, which is at most N. A ratio above N needs
 * a cost that the sequential route pays and the concurrent route does not pay at all. Here it is a
 * new connection per call, as {@code requests.get} opens one (each costs {@code --connection-ms}
 * before its first byte: DNS, TCP and TLS), against the async route's pooled connections, warm
 * from an earlier request. A second run draws each call's latency anew, as live sites do.
 *
 * <pre>mvn -pl chapters/09 exec:java@speedup [-Dexec.args="--calls 10 --connection-ms 250"]</pre>
 */
public final class ArticleSpeedup {

    /** The article's three URLs, answering in about the time its async route took (0.4 s). */
    static final int PAGES = 3;
    static final Duration FASTEST = Duration.ofMillis(300);
    static final Duration SLOWEST = Duration.ofMillis(450);

    private static final PrintStream out = System.out;

    public static void main(String[] args) {
        int calls;
        Duration connectionCost;
        try {
            CommandLine line = CommandLine.parse(args);
            calls = line.intOption("calls", 10, 1, 100);
            connectionCost = Duration.ofMillis(line.intOption("connection-ms", 250, 0, 5000));
        } catch (CommandLine.UsageException e) {
            System.err.println("Cannot run: " + e.getMessage());
            System.exit(2);
            return;
        }
        out.printf("%nThe article's speed-up · JDK %s · %d cores · %d requests per route · a new connection costs %d ms%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), calls, connectionCost.toMillis());
        try (LoadGenerator client = new LoadGenerator(1)) {
            SlowUpstream.Builder pages = SlowUpstream.builder().pages(PAGES).latency(FASTEST, SLOWEST);
            compare("Run 1 · each page keeps its seeded latency", pages, false, calls, connectionCost, client);
            compare("Run 2 · each call draws its latency anew, 1 in 10 three times as long", pages.varyingLatency(), true, calls,
                    connectionCost, client);
        }
        out.println("\nThe article measured 4.07 s mean / 3.42 s median (sync) against 0.53 s / 0.41 s (async), 3 live URLs, 10 calls.");
    }

    // tag::compare[]
    private static void compare(String title, SlowUpstream.Builder pages, boolean varying, int calls, Duration connectionCost,
            LoadGenerator client) {
        try (SlowUpstream upstream = pages.start();
                ConnectionCost internet = ConnectionCost.start(upstream.baseUrl(), connectionCost)) {
            UpstreamUrls urls = UpstreamUrls.of(upstream.recipeUrls().stream().map(internet::via).toList());
            Javalin app = App.create(urls).start("localhost", 0);
            try {
                String base = "http://localhost:" + app.port();
                client.sequence(base + Model.ASYNC.route(), 1, Harness.everyRowOk(PAGES), Progress.start(out, "warm-up")); // opens the pool
                int before = internet.connectionsOpened();
                Run sync = client.sequence(base + Model.SYNC.route() + "?connections=new", calls, Harness.everyRowOk(PAGES),
                        Progress.start(out, "sync, a new connection per call"));
                int syncConnections = internet.connectionsOpened() - before;
                Run async = client.sequence(base + Model.ASYNC.route(), calls, Harness.everyRowOk(PAGES), Progress.start(out, "async, pooled"));
                int asyncConnections = internet.connectionsOpened() - before - syncConnections;
                if (sync.errors() + async.errors() > 0) {
                    throw new IllegalStateException("requests failed (" + sync.firstError() + async.firstError() + "); the numbers would mean nothing");
                }
                Summary syncTimes = Statistics.summarize(sync.latencyMs());
                Summary asyncTimes = Statistics.summarize(async.latencyMs());
                report(title, upstream, syncTimes, syncConnections, asyncTimes, asyncConnections);
                if (varying) {
                    explainSamples(syncTimes, asyncTimes);
                } else {
                    explainBound(upstream, connectionCost);
                }
            } finally {
                app.stop();
            }
        }
    }
    // end::compare[]

    private static void report(String title, SlowUpstream upstream, Summary sync, int syncConnections, Summary async, int asyncConnections) {
        out.printf("%n%s (%s)%n", title, upstream.describe());
        out.printf("  %-34s %9s %9s %9s %12s%n", "route", "mean", "median", "slowest", "connections");
        out.printf("  %-34s %9s %9s %9s %12d%n", "sync, a new connection per call", Format.ms(sync.mean()), Format.ms(sync.median()),
                Format.ms(sync.max()), syncConnections);
        out.printf("  %-34s %9s %9s %9s %12d%n", "async, pooled and warm", Format.ms(async.mean()), Format.ms(async.median()),
                Format.ms(async.max()), asyncConnections);
        out.printf("  measured speed-up: %s on the means, %s on the medians (N = %d calls per request)%n",
                Format.times(sync.mean() / async.mean()), Format.times(sync.median() / async.median()), PAGES);
    }

    /** Where a ratio above N comes from: overlap gives at most sum / slowest; the rest is what only sync paid. */
    private static void explainBound(SlowUpstream upstream, Duration connectionCost) {
        List<Duration> latencies = upstream.latencies();
        double slowest = latencies.stream().mapToLong(Duration::toMillis).max().orElseThrow();
        double sum = latencies.stream().mapToLong(Duration::toMillis).sum();
        double unshared = PAGES * connectionCost.toMillis() / slowest;
        out.printf("  overlap alone: at most sum / slowest = %s / %s = %s%n", Format.ms(sum), Format.ms(slowest), Format.times(sum / slowest));
        out.printf("  connections only sync paid: %d x %d ms / slowest = %s more; together about %s%n", PAGES, connectionCost.toMillis(),
                Format.times(unshared), Format.times(sum / slowest + unshared));
    }

    /** With a few samples, one slow call moves the mean and leaves the median: the article's 4.07 s mean against 3.42 s median. */
    private static void explainSamples(Summary sync, Summary async) {
        out.printf("  mean / median: sync %s, async %s; %d samples each: one slow call moves a mean by 1/%d of its excess, a median hardly%n",
                Format.times(sync.mean() / sync.median()), Format.times(async.mean() / async.median()), sync.count(), sync.count());
    }
}
