package dev.asyncjavalin.ch08;

import dev.asyncjavalin.lab.CommandLine;
import io.javalin.Javalin;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hits {@code /hash_sync} and {@code /hash_async} with the same concurrent load, in one run, and
 * prints throughput, latency and the ratio async / sync. Not a test: timings belong in a report.
 *
 * <pre>mvn -pl chapters/08 exec:java@benchmark [-Dexec.args="--clients 16 --requests 160"]</pre>
 */
public final class Benchmark {

    public static void main(String[] args) {
        try {
            CommandLine line = CommandLine.parse(args);
            run(line.intOption("clients", 16, 1, 256), line.intOption("requests", 160, 10, 10_000));
        } catch (CommandLine.UsageException e) {
            System.err.println("Cannot run the benchmark: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(int clients, int requests) {
        int cores = Runtime.getRuntime().availableProcessors();
        Javalin app = App.create(Settings.defaults()).start("localhost", 0);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            String base = "http://localhost:" + app.port();
            System.out.printf("%d cores (Runtime.availableProcessors); CPU pool: %d threads, %d queue slots; PBKDF2 with %,d iterations%n",
                    cores, CpuPool.DEFAULT_THREADS, CpuPool.DEFAULT_QUEUE_CAPACITY, KeyStretching.ITERATIONS);
            load(http, base + "/hash_sync", clients, requests / 4); // warm-up: let the JIT compile the hash
            load(http, base + "/hash_async", clients, requests / 4);
            long alone = oneCallAlone();
            System.out.printf("one hash alone, with no requests running: %d ms, so at most %.1f hashes/s on %d cores%n%n",
                    alone, cores * 1000.0 / Math.max(1, alone), cores);

            System.out.printf("system load average before the run: %.1f (above %d, other programs share these cores: expect noise)%n%n",
                    systemLoad(), cores);
            System.out.println("clients  route        answered  refused (503)   hashes/s   median      p95      max   CPU ms/hash");
            for (int concurrent : List.of(clients, clients * 2)) {
                Result sync = load(http, base + "/hash_sync", concurrent, requests);
                Result async = load(http, base + "/hash_async", concurrent, requests);
                print(concurrent, "/hash_sync", sync);
                print(concurrent, "/hash_async", async);
                System.out.printf("         async / sync: throughput %.2fx, median latency %.2fx%n%n",
                        async.perSecond() / sync.perSecond(), (double) async.percentile(50) / Math.max(1, sync.percentile(50)));
            }
            System.out.printf("system load average after the run: %.1f%n", systemLoad());
        } finally {
            app.stop();
        }
    }

    private static long oneCallAlone() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            KeyStretching.hash("alone");
            millis.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        Collections.sort(millis);
        return millis.get(millis.size() / 2);
    }

    private static void print(int clients, String route, Result result) {
        System.out.printf("%7d  %-11s %9d %14d %10.1f %6d ms %6d ms %6d ms %10d%n", clients, route, result.latencies().size(),
                result.refused(), result.perSecond(), result.percentile(50), result.percentile(95), result.percentile(100),
                result.cpuMillisPerAnswer());
    }

    /**
     * Answers (200) and their latencies, 503s, the time from the first request to the last answer,
     * and the CPU time this JVM used meanwhile (server and load clients together).
     */
    private record Result(List<Long> latencies, long refused, long wallMillis, long cpuMillis) {

        long cpuMillisPerAnswer() {
            return cpuMillis / Math.max(1, latencies.size());
        }

        double perSecond() {
            return latencies.size() * 1000.0 / Math.max(1, wallMillis);
        }

        long percentile(int percent) {
            if (latencies.isEmpty()) {
                return 0;
            }
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            int rank = (percent * sorted.size() + 99) / 100; // ceil(percent x n / 100) in whole numbers: 7 / 100.0 * 100 is 7.000000000000001
            return sorted.get(Math.max(0, rank - 1));
        }
    }

    /**
     * {@code clients} threads send requests one after another until {@code requests} have been
     * answered. A client that gets 503 does what Retry-After asks, waits, and then tries again.
     */
    private static Result load(HttpClient http, String url, int clients, int requests) {
        AtomicInteger left = new AtomicInteger(requests);
        AtomicLong refused = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        ExecutorService clientThreads = Executors.newFixedThreadPool(clients);
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            clientThreads.execute(() -> {
                while (left.getAndDecrement() > 0) {
                    long sent = System.nanoTime();
                    HttpResponse<String> response = send(http, request);
                    while (response.statusCode() == 503) { // refused: wait as asked, then the same request again
                        refused.incrementAndGet();
                        waitAsAsked(response);
                        sent = System.nanoTime();
                        response = send(http, request);
                    }
                    if (response.statusCode() != 200) {
                        failures.add(response.statusCode() + " " + response.body().strip());
                        continue;
                    }
                    latencies.add(Duration.ofNanos(System.nanoTime() - sent).toMillis());
                    lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                }
            });
        }
        clientThreads.shutdown();
        try {
            if (!clientThreads.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the load on " + url + " did not finish in 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (!failures.isEmpty()) {
            System.out.printf("  %d answers from %s were neither 200 nor 503; the first: %s%n", failures.size(), url, failures.get(0));
        }
        return new Result(List.copyOf(latencies), refused.get(), Duration.ofNanos(Math.max(0, lastAnswer.get() - started)).toMillis(),
                Duration.ofNanos(processCpuNanos() - cpuBefore).toMillis());
    }

    /** CPU time of every thread of this JVM so far, on all cores together. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The last minute's average of runnable programs (-1 where the system does not say). */
    private static double systemLoad() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A polite client: sleeping here is the point, it keeps a refused client from asking again at once. */
    private static void waitAsAsked(HttpResponse<String> busy) {
        long seconds = busy.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
        try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
