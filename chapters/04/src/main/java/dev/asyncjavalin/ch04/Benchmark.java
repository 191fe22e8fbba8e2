package dev.asyncjavalin.ch04;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.bench.BenchmarkMain;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.bench.LoadGenerator;
import dev.asyncjavalin.lab.bench.LoadGenerator.Run;
import dev.asyncjavalin.lab.bench.Peak;
import dev.asyncjavalin.lab.bench.Progress;
import dev.asyncjavalin.lab.bench.Stats;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.Request;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Many clients at once against a small request pool: the blocking route against the async one,
 * in one run. Every request makes one upstream call of a fixed latency, so the ideal wall time is
 * one latency; the blocking route can only run as many requests at once as the pool has threads
 * for requests. Not a test: timings belong in a report, not in an assertion.
 *
 * <pre>mvn -pl chapters/04 exec:java@benchmark [-Dexec.args="--clients 200 --threads 8 --latency-ms 1000"]</pre>
 */
public final class Benchmark {

    public static void main(String[] args) throws Exception {
        BenchmarkMain.run(args, line -> run(line.intOption("clients", 200, 1, App.MAX_UPSTREAM_CALLS), // more would queue in OkHttp, not in Jetty
                line.intOption("threads", 8, Settings.MIN_POOL_SIZE, Settings.MAX_POOL_SIZE),
                line.intOption("latency-ms", 1000, 100, 5000)));
    }

    private static void run(int clients, int poolSize, int latencyMs) {
        Duration latency = Duration.ofMillis(latencyMs);
        int forRequests = poolSize - RequestPool.JETTY_OWN;
        System.out.printf("%n%d clients at once; each request makes one upstream call of %d ms.%n", clients, latencyMs);
        System.out.printf("App pool: %d threads (%d Jetty's own, %d for requests). Upstream calls at once: up to %d.%n%n",
                poolSize, RequestPool.JETTY_OWN, forRequests, App.MAX_UPSTREAM_CALLS);
        try (LoadGenerator load = new LoadGenerator(clients, Duration.ofMinutes(2))) {
            Result blocking = phase(load, "/async_get_urls_v1", clients, poolSize, latency);
            Result async = phase(load, "/async_get_urls_v2", clients, poolSize, latency);

            System.out.println("route                              wall    median   slowest  wall/latency  busy threads  queued  upstream calls  failed");
            print("/async_get_urls_v1 (blocking)", blocking, latency);
            print("/async_get_urls_v2 (ctx.future)", async, latency);
            System.out.printf("%nwall time, blocking / async:  %.1fx   (clients / threads for requests = %d / %d = %.1f)%n",
                    Stats.ratio(blocking.run.wall().toMillis(), async.run.wall().toMillis()), clients, forRequests, (double) clients / forRequests);
            System.out.println("busy threads, queued: the peaks of Jetty's pool; upstream calls: the most in flight at once.");
            for (Result result : List.of(blocking, async)) {
                result.run.problems().stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()))
                        .forEach((why, count) -> System.out.printf("%s: %d failed: %s%n", result.path, count, why));
            }
        }
    }

    /** What one route did with every client at once, and the peaks of Jetty's pool meanwhile. */
    private record Result(String path, Run run, int peakBusy, int peakQueued, int upstreamCalls) {
    }

    /** A fresh upstream and app for one route: a warm-up wave, then every client at once. */
    private static Result phase(LoadGenerator load, String path, int clients, int poolSize, Duration latency) {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(1).fixedLatency(latency).start()) {
            UpstreamUrls onePage = UpstreamUrls.of(List.of(upstream.url("/recipes/1"))); // one upstream call per request
            Javalin app = App.create(onePage, Settings.defaults().withPoolSize(poolSize)).start("localhost", 0);
            try {
                QueuedThreadPool pool = (QueuedThreadPool) app.jettyServer().threadPool();
                Request request = new Request.Builder().url("http://localhost:" + app.port() + path).build();
                // warm-up, not measured: class loading, the JIT, first connections and threads
                load.requests(request, poolSize - RequestPool.JETTY_OWN, 1, Benchmark::upstreamOk, Progress.silent());
                try (Peak busy = Peak.watch(pool::getUtilizedThreads, "busy"); Peak queued = Peak.watch(pool::getQueueSize, "queued")) {
                    Run run = load.requests(request, clients, 1, Benchmark::upstreamOk, Progress.silent());
                    return new Result(path, run, busy.max(), queued.max(), upstream.maxInFlight());
                }
            } finally {
                load.closeConnections();
                app.stop();
            }
        }
    }

    private static boolean upstreamOk(String page) {
        return page.contains("data-status=\"200\"");
    }

    private static void print(String label, Result result, Duration latency) {
        List<Long> millis = result.run.latencyMillis();
        System.out.printf("%-31s %7d ms %6d ms %6d ms %9.2f %11d %9d %12d %9d%n", label, result.run.wall().toMillis(), Stats.medianMillis(millis),
                Stats.percentile(millis, 100), Stats.ratio(result.run.wall().toMillis(), latency.toMillis()), result.peakBusy, result.peakQueued,
                result.upstreamCalls, result.run.errors());
    }
}
