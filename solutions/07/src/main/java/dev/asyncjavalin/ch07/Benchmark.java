package dev.asyncjavalin.ch07;

import dev.asyncjavalin.lab.CommandLine;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.Javalin;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

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

    private final int clients;
    private final int requestsPerClient;
    private final OkHttpClient http;

    private Benchmark(int clients, int requestsPerClient, OkHttpClient http) {
        this.clients = clients;
        this.requestsPerClient = requestsPerClient;
        this.http = http;
    }

    public static void main(String[] args) {
        try {
            CommandLine line = CommandLine.parse(args);
            run(line.intOption("clients", 1000, 1, 5000),
                    line.intOption("platform-threads", 200, 8, 5000),
                    line.intOption("pages", 1, 1, 10),
                    line.intOption("requests", 2, 1, 20));
        } catch (CommandLine.UsageException e) {
            System.err.println("Cannot run the benchmark: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(int clients, int platformThreads, int pages, int requestsPerClient) {
        // the load generator: blocking calls, each client on its own virtual thread, and one kept-alive
        // connection per client, so that opening connections is not what gets measured
        OkHttpClient http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(clients, 5, TimeUnit.MINUTES))
                .readTimeout(Duration.ofSeconds(60)) // a request queued behind a busy pool waits long for its first byte
                .callTimeout(Duration.ofSeconds(60))
                .build();
        try (SlowUpstream upstream = SlowUpstream.builder().pages(pages).fixedLatency(LATENCY).start()) {
            Benchmark benchmark = new Benchmark(clients, requestsPerClient, http);
            long idealMillis = LATENCY.toMillis() * requestsPerClient;
            System.out.printf("%s, %s%n", upstream.describe(), Runtime.version());
            System.out.printf("%d clients at once, each sending %d requests one after another; every request fetches %s,"
                    + " every page takes %d ms%n", clients, requestsPerClient,
                    pages == 1 ? "1 page" : pages + " pages (all at once)", LATENCY.toMillis());
            System.out.printf("ideal: %d ms wall, %d requests/s (clients / latency)%n%n", idealMillis, clients * 1000 / LATENCY.toMillis());

            System.out.printf("%-46s %9s %11s %9s %14s %8s%n", "served by", "wall", "requests/s", "of ideal", "median / max", "errors");
            // the load generator alone, straight at the upstream: if this is far from ideal, the numbers below mean little
            Load direct = benchmark.measure(upstream.url("/slow?ms=" + LATENCY.toMillis()), body -> true);
            direct.print("(load generator alone, straight to upstream)", idealMillis);
            Load virtual = benchmark.against(upstream, RequestThreads.VIRTUAL);
            virtual.print(RequestThreads.VIRTUAL.describe(), idealMillis);
            RequestThreads pool = RequestThreads.platform(platformThreads);
            Load platform = benchmark.against(upstream, pool);
            platform.print(pool.describe(), idealMillis);

            System.out.printf("%nvirtual / platform throughput: %.2fx (the pool's bound: %d threads / %d ms = %d requests/s)%n",
                    virtual.throughput() / Math.max(0.001, platform.throughput()),
                    platformThreads, LATENCY.toMillis(), platformThreads * 1000 / LATENCY.toMillis());
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** Starts the chapter's app served by {@code threads}, warms it up, measures it, stops it. */
    private Load against(SlowUpstream upstream, RequestThreads threads) {
        Javalin app = App.create(upstream.urls(), threads).start("localhost", 0);
        try {
            // the longest deadline the app allows: under overload a late page should count as slow, not as lost
            String url = "http://localhost:" + app.port() + "/vthread_get_urls?max_in_flight=10&deadline_ms=" + App.MAX_DEADLINE_MS;
            Predicate<String> everyRowOk = page -> {
                List<String> statuses = ResultRows.statuses(page);
                return !statuses.isEmpty() && statuses.stream().allMatch("200"::equals);
            };
            return measure(url, everyRowOk);
        } finally {
            app.stop();
        }
    }

    /** A warm-up round first (loads classes, opens every client's connection), then the round that counts. */
    private Load measure(String url, Predicate<String> ok) {
        new Benchmark(clients, 1, http).fire(url, ok);
        return fire(url, ok);
    }

    // tag::fire[]
    /** Every client at once, each sending its requests one after another; counts a request as good only if {@code ok}. */
    private Load fire(String url, Predicate<String> ok) {
        Request request = new Request.Builder().url(url).build();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<String> whatWentWrong = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        try (ExecutorService clientThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < clients; client++) {
                clientThreads.submit(() -> {
                    for (int i = 0; i < requestsPerClient; i++) {
                        long sent = System.nanoTime();
                        try (Response response = http.newCall(request).execute()) {
                            String body = response.body().string();
                            if (response.code() != 200 || !ok.test(body)) {
                                errors.incrementAndGet();
                                whatWentWrong.add("HTTP " + response.code() + " " + ResultRows.statuses(body));
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            whatWentWrong.add(e.toString());
                        }
                        latencies.add(System.nanoTime() - sent);
                    }
                });
            }
        } // waits for every client
        return new Load(Duration.ofNanos(System.nanoTime() - started), new ArrayList<>(latencies), errors.get(),
                whatWentWrong.isEmpty() ? "" : whatWentWrong.peek());
    }
    // end::fire[]

    private record Load(Duration wall, List<Long> latencyNanos, int errors, String firstError) {

        double throughput() {
            return latencyNanos.size() / Math.max(0.001, wall.toNanos() / 1e9);
        }

        void print(String label, long idealMillis) {
            List<Long> sorted = new ArrayList<>(latencyNanos);
            Collections.sort(sorted);
            long medianMs = Duration.ofNanos(sorted.get(sorted.size() / 2)).toMillis();
            long maxMs = Duration.ofNanos(sorted.get(sorted.size() - 1)).toMillis();
            System.out.printf("%-46s %6d ms %11.0f %8.0f%% %7d / %4d ms %8d%n", label, wall.toMillis(), throughput(),
                    100.0 * idealMillis / Math.max(1, wall.toMillis()), medianMs, maxMs, errors);
            if (errors > 0) {
                System.out.println("    first error: " + firstError);
            }
        }
    }
}
