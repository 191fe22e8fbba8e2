package dev.asyncjavalin.ch07;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.bench.BenchmarkMain;
import dev.asyncjavalin.lab.bench.JettyPool;
import dev.asyncjavalin.lab.bench.LoadGenerator;
import dev.asyncjavalin.lab.bench.LoadGenerator.Run;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.Javalin;
import java.time.Duration;

/**
 * Many clients at once against the same blocking handler, served two ways: a virtual thread per
 * request, and a pool of platform threads like Javalin's default. The upstream answers every page
 * after exactly one second, so the ideal is one round of requests per second: clients / latency.
 * Not a test: timings belong in a report, not in an assertion.
 *
 * <pre>mvn -pl chapters/07 exec:java@benchmark [-Dexec.args="--clients 1000 --platform-threads 200 --pages 1 --requests 2"]</pre>
 */
public final class Benchmark {

    static final Duration LATENCY = Duration.ofSeconds(1);

    public static void main(String[] args) throws Exception {
        BenchmarkMain.run(args, line -> run(line.intOption("clients", 1000, 1, 5000), line.intOption("platform-threads", 200, 8, 5000),
                line.intOption("pages", 1, 1, 10), line.intOption("requests", 2, 1, 20)));
    }

    private static void run(int clients, int platformThreads, int pages, int requestsPerClient) {
        // the load generator: blocking calls, each client on its own virtual thread with one kept-alive connection
        try (LoadGenerator load = new LoadGenerator(clients, Duration.ofSeconds(60), Thread.ofVirtual().name("client-", 1).factory());
                SlowUpstream upstream = SlowUpstream.builder().pages(pages).fixedLatency(LATENCY).start()) {
            long idealMillis = LATENCY.toMillis() * requestsPerClient;
            System.out.printf("%s, %s%n", upstream.describe(), Runtime.version());
            System.out.printf("%d clients at once, each sending %d requests one after another; every request fetches %s,"
                    + " every page takes %d ms%n", clients, requestsPerClient,
                    pages == 1 ? "1 page" : pages + " pages (all at once)", LATENCY.toMillis());
            System.out.printf("ideal: %d ms wall, %d requests/s (clients / latency)%n%n", idealMillis, clients * 1000 / LATENCY.toMillis());

            System.out.printf("%-46s %9s %11s %9s %14s %8s%n", "served by", "wall", "requests/s", "of ideal", "median / max", "errors");
            // the load generator alone, straight at the upstream: if this is far from ideal, the numbers below mean little
            Run direct = load.requestsAfterWarmUp(upstream.url("/slow?ms=" + LATENCY.toMillis()), clients, requestsPerClient, body -> true);
            print("(load generator alone, straight to upstream)", direct, idealMillis);
            // the longest deadline the app allows: under overload a late page should count as slow, not as lost
            String route = "/vthread_get_urls?max_in_flight=10&deadline_ms=" + App.MAX_DEADLINE_MS;
            Run virtual = load.onApp(App.create(upstream.urls(), RequestThreads.VIRTUAL).start("localhost", 0),
                    base -> load.requestsAfterWarmUp(base + route, clients, requestsPerClient, ResultRows::allOk));
            print(RequestThreads.VIRTUAL.describe(), virtual, idealMillis);
            RequestThreads pool = RequestThreads.platform(platformThreads);
            Javalin platformApp = App.create(upstream.urls(), pool).start("localhost", 0);
            int forRequests = JettyPool.handlerThreads(platformApp);
            Run platform = load.onApp(platformApp,
                    base -> load.requestsAfterWarmUp(base + route, clients, requestsPerClient, ResultRows::allOk));
            print(pool.describe(), platform, idealMillis);

            System.out.printf("%nvirtual / platform throughput: %.2fx (the pool's bound: %d threads, %d of them Jetty's own,"
                    + " so %d requests at once / %d ms = %d requests/s)%n", virtual.perSecond() / Math.max(0.001, platform.perSecond()),
                    platformThreads, platformThreads - forRequests, forRequests, LATENCY.toMillis(), forRequests * 1000 / LATENCY.toMillis());
        }
    }

    private static void print(String label, Run run, long idealMillis) {
        System.out.printf("%-46s %6d ms %11.0f %8.0f%% %7d / %4d ms %8d%n", label, run.wall().toMillis(), run.perSecond(),
                100.0 * idealMillis / Math.max(1, run.wall().toMillis()), run.medianMillis(), run.percentileMillis(100), run.errors());
        if (run.errors() > 0) {
            System.out.println("    first error: " + run.firstError());
        }
    }
}
