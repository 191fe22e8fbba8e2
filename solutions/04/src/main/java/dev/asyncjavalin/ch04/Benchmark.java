package dev.asyncjavalin.ch04;

import dev.asyncjavalin.lab.CommandLine;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
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

    private static final Duration CLIENT_TIMEOUT = Duration.ofMinutes(2);

    public static void main(String[] args) {
        try {
            CommandLine line = CommandLine.parse(args);
            run(line.intOption("clients", 200, 1, App.MAX_UPSTREAM_CALLS), // more would queue in OkHttp, not in Jetty
                    line.intOption("threads", 8, Settings.MIN_POOL_SIZE, Settings.MAX_POOL_SIZE),
                    line.intOption("latency-ms", 1000, 100, 5000));
        } catch (CommandLine.UsageException e) {
            System.err.println("Cannot run the benchmark: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(int clients, int poolSize, int latencyMs) {
        Duration latency = Duration.ofMillis(latencyMs);
        int forRequests = poolSize - RequestPool.JETTY_OWN;
        System.out.printf("%n%d clients at once; each request makes one upstream call of %d ms.%n", clients, latencyMs);
        System.out.printf("App pool: %d threads (%d Jetty's own, %d for requests). Upstream calls at once: up to %d.%n%n",
                poolSize, RequestPool.JETTY_OWN, forRequests, App.MAX_UPSTREAM_CALLS);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Result blocking = phase(http, "/async_get_urls_v1", clients, poolSize, latency);
        Result async = phase(http, "/async_get_urls_v2", clients, poolSize, latency);

        System.out.println("route                              wall    median   slowest  wall/latency  busy threads  queued  upstream calls  failed");
        print("/async_get_urls_v1 (blocking)", blocking, latency);
        print("/async_get_urls_v2 (ctx.future)", async, latency);
        System.out.printf("%nwall time, blocking / async:  %.1fx   (clients / threads for requests = %d / %d = %.1f)%n",
                ratio(blocking.wallMs, async.wallMs), clients, forRequests, (double) clients / forRequests);
        System.out.println("busy threads, queued: the peaks of Jetty's pool; upstream calls: the most in flight at once.");
        for (Result result : List.of(blocking, async)) {
            result.failures.forEach((why, count) -> System.out.printf("%s: %d failed: %s%n", result.path, count, why));
        }
    }

    /** A fresh upstream and app for one route: a warm-up wave, then every client at once. */
    private static Result phase(HttpClient http, String path, int clients, int poolSize, Duration latency) {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(1).fixedLatency(latency).start()) {
            UpstreamUrls onePage = UpstreamUrls.of(List.of(upstream.url("/recipes/1"))); // one upstream call per request
            Javalin app = App.create(onePage, Settings.defaults().withPoolSize(poolSize)).start("localhost", 0);
            try {
                QueuedThreadPool pool = (QueuedThreadPool) app.jettyServer().threadPool();
                String url = "http://localhost:" + app.port() + path;
                // warm-up, not measured: class loading, the JIT, first connections and threads
                measure(http, url, poolSize - RequestPool.JETTY_OWN, pool);
                return measure(http, url, clients, pool).withUpstreamCalls(path, upstream.maxInFlight());
            } finally {
                app.stop();
            }
        }
    }

    private record Result(String path, long wallMs, long medianMs, long slowestMs, int peakBusy, int peakQueued,
            int upstreamCalls, Map<String, Integer> failures) {

        int failed() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }

        Result withUpstreamCalls(String route, int mostInFlight) {
            return new Result(route, wallMs, medianMs, slowestMs, peakBusy, peakQueued, mostInFlight, failures);
        }
    }

    private static Result measure(HttpClient http, String url, int clients, QueuedThreadPool pool) {
        AtomicInteger peakBusy = new AtomicInteger();
        AtomicInteger peakQueued = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peakBusy.accumulateAndGet(pool.getUtilizedThreads(), Math::max);
                peakQueued.accumulateAndGet(pool.getQueueSize(), Math::max);
                LockSupport.parkNanos(1_000_000); // a look every millisecond is plenty, and leaves the cores to the run
            }
        }, "pool-sampler");
        sampler.setDaemon(true);
        sampler.start();

        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(CLIENT_TIMEOUT).build();
        long started = System.nanoTime();
        List<CompletableFuture<Long>> answers = new ArrayList<>();
        Map<String, Integer> failures = Collections.synchronizedMap(new TreeMap<>());
        for (int i = 0; i < clients; i++) {
            long sent = System.nanoTime();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        String why = failure != null ? String.valueOf(failure.getCause() != null ? failure.getCause() : failure)
                                : response.statusCode() != 200 ? "HTTP " + response.statusCode()
                                : !response.body().contains("data-status=\"200\"") ? "the upstream call failed"
                                : null;
                        if (why != null) {
                            failures.merge(why, 1, Integer::sum);
                        }
                        return Duration.ofNanos(System.nanoTime() - sent).toMillis();
                    }));
        }
        List<Long> millis = new ArrayList<>(answers.stream().map(CompletableFuture::join).toList());
        long wallMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        running.set(false);
        Collections.sort(millis);
        return new Result(url, wallMs, millis.get(millis.size() / 2), millis.get(millis.size() - 1), peakBusy.get(), peakQueued.get(), 0, failures);
    }

    private static void print(String label, Result result, Duration latency) {
        System.out.printf("%-31s %7d ms %6d ms %6d ms %9.2f %11d %9d %12d %9d%n", label, result.wallMs, result.medianMs, result.slowestMs,
                ratio(result.wallMs, latency.toMillis()), result.peakBusy, result.peakQueued, result.upstreamCalls, result.failed());
    }

    private static double ratio(long numerator, long denominator) {
        return (double) numerator / Math.max(1, denominator);
    }
}
