package dev.asyncjavalin.ch04;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.bench.BenchmarkMain;
import dev.asyncjavalin.lab.bench.LoadGenerator;
import dev.asyncjavalin.lab.bench.LoadGenerator.Run;
import dev.asyncjavalin.lab.bench.Peak;
import dev.asyncjavalin.lab.bench.Progress;
import dev.asyncjavalin.lab.bench.Stats;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.Javalin;
import java.time.Duration;
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
                Duration.ofMillis(line.intOption("latency-ms", 1000, 100, 5000))));
    }

    private static void run(int clients, int poolSize, Duration latency) {
        int forRequests = poolSize - RequestPool.JETTY_OWN;
        System.out.printf("%n%d clients at once; each request makes one upstream call of %d ms.%n", clients, latency.toMillis());
        System.out.printf("App pool: %d threads (%d Jetty's own, %d for requests). Upstream calls at once: up to %d.%n%n",
                poolSize, RequestPool.JETTY_OWN, forRequests, App.MAX_UPSTREAM_CALLS);
        try (LoadGenerator load = new LoadGenerator(clients, Duration.ofMinutes(2))) {
            System.out.println("route                              wall    median   slowest  wall/latency  busy threads  queued  upstream calls  failed");
            Run blocking = phase(load, "/async_get_urls_v1", "(blocking)", clients, poolSize, latency);
            Run async = phase(load, "/async_get_urls_v2", "(ctx.future)", clients, poolSize, latency);
            System.out.printf("%nwall time, blocking / async:  %.1fx   (clients / threads for requests = %d / %d = %.1f)%n",
                    Stats.ratio(blocking.wall().toMillis(), async.wall().toMillis()), clients, forRequests, (double) clients / forRequests);
            System.out.println("busy threads, queued: the peaks of Jetty's pool; upstream calls: the most in flight at once.");
            blocking.problemCounts().forEach((why, count) -> System.out.printf("/async_get_urls_v1: %d failed: %s%n", count, why));
            async.problemCounts().forEach((why, count) -> System.out.printf("/async_get_urls_v2: %d failed: %s%n", count, why));
        }
    }

    /** A fresh upstream and app for one route: a warm-up wave, then every client at once, and the route's row in the table. */
    private static Run phase(LoadGenerator load, String path, String how, int clients, int poolSize, Duration latency) {
        // one page: one upstream call per request
        try (SlowUpstream upstream = SlowUpstream.builder().pages(1).fixedLatency(latency).start()) {
            Javalin app = App.create(upstream.urls(), Settings.defaults().withPoolSize(poolSize)).start("localhost", 0);
            return load.onApp(app, base -> {
                QueuedThreadPool pool = (QueuedThreadPool) app.jettyServer().threadPool();
                Request request = new Request.Builder().url(base + path).build();
                // warm-up, not measured: class loading, the JIT, first connections and threads
                load.requests(request, poolSize - RequestPool.JETTY_OWN, 1, ResultRows::allOk, Progress.silent());
                try (Peak busy = Peak.watch(pool::getUtilizedThreads, "busy"); Peak queued = Peak.watch(pool::getQueueSize, "queued")) {
                    Run run = load.requests(request, clients, 1, ResultRows::allOk, Progress.silent());
                    System.out.printf("%-31s %7d ms %6d ms %6d ms %9.2f %11d %9d %12d %9d%n", path + " " + how, run.wall().toMillis(),
                            run.medianMillis(), run.percentileMillis(100), Stats.ratio(run.wall().toMillis(), latency.toMillis()),
                            busy.max(), queued.max(), upstream.maxInFlight(), run.errors());
                    return run;
                }
            });
        }
    }
}
