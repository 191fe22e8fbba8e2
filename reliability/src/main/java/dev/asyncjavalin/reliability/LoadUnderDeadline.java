package dev.asyncjavalin.reliability;

import dev.asyncjavalin.lab.DaemonThreads;
import dev.asyncjavalin.lab.SlowUpstream;
import io.javalin.Javalin;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chapter 04's page with a deadline, under many clients at once: every page must answer within
 * its deadline + 10 %, however many calls wait in the app's client queue (10 pages per request,
 * 256 calls at once: 1,000 clients make 10,000 calls). The embedded upstream answers in
 * 0.2-1.5 s, as in the lessons.
 *
 * <p>The clients start evenly over a ramp-up (by default one deadline), as a load tool's users
 * arrive, and each sends its next request when its page is in. Started in one instant instead
 * ({@code ramp=0}), every page's deadline expires in the same millisecond, round after round, and
 * what is measured is how fast two cores render and write a thousand pages at once.
 *
 * <p>The measured run comes after warm-up runs of the same shape, as a deployed app is measured
 * warm: a cold JVM interprets the hot paths while the JIT compiles them, and the compiler threads
 * take their share of the same cores as the load. The figure prints the JIT's share of the measured
 * run (the JVM's own count), so a run measured too cold says so.
 */
final class LoadUnderDeadline {

    static final Duration DEADLINE = Duration.ofMillis(2000);
    static final int SLACK_PERCENT = 10;

    private LoadUnderDeadline() {
    }

    static Figure run(int clients, int rounds, Duration rampUp, int warmUps) throws Exception {
        String what = "ch04 pages over deadline + 10% (" + String.format("%,d", clients) + " clients"
                + (rampUp.isZero() ? ", all at once" : ", started over " + rampUp.toMillis() + " ms") + ")";
        ExecutorService clientThreads = Executors.newFixedThreadPool(4, DaemonThreads.named("load-client"));
        try (SlowUpstream upstream = SlowUpstream.start()) {
            Javalin app = Apps.chapter04(upstream.urls());
            try {
                URI page = URI.create("http://127.0.0.1:" + app.port() + "/async_get_urls_v2?deadline_ms=" + DEADLINE.toMillis());
                HttpClient warmUp = client(clientThreads);
                // one page first: it pays for class loading and template set-up
                warmUp.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.discarding());
                for (int run = 0; run < warmUps; run++) {
                    load(warmUp, page, clientThreads, clients, rounds, rampUp, new PageTimes(), new PageTimes());
                }
                // new clients for the measured run: each opens its connection, as a client arriving does
                HttpClient http = client(clientThreads);
                PageTimes times = new PageTimes();
                PageTimes serverTimes = new PageTimes();
                long measuredJitPercent = compilingPercent(() -> load(http, page, clientThreads, clients, rounds, rampUp, times, serverTimes));
                Duration limit = PageTimes.withSlack(DEADLINE, SLACK_PERCENT);
                String details = String.format("%,d pages, deadline %d ms, limit %d ms, after %d warm-up run(s), %d %% of the measured one compiling;"
                        + " seen by the clients: median %d ms, p99 %d ms,"
                        + " slowest %d ms; the pages' own totals: median %d ms, slowest %d ms; %d not answered 200%s",
                        times.pages(), DEADLINE.toMillis(), limit.toMillis(), warmUps, measuredJitPercent, times.percentile(50), times.percentile(99),
                        times.percentile(100), serverTimes.percentile(50), serverTimes.percentile(100), times.missing(),
                        times.missing() > 0 ? " (first: " + times.firstMissing() + ")" : "");
                return Figure.none(what, times.over(limit), details);
            } finally {
                app.stop();
            }
        } finally {
            clientThreads.shutdownNow();
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    /** How much of {@code run}'s time the JIT spent compiling, in percent (summed over its compiler threads: over 100 on two). */
    private static long compilingPercent(Run run) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long compiledBefore = jit.getTotalCompilationTime();
        long started = System.nanoTime();
        run.run();
        long tookMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return 100 * (jit.getTotalCompilationTime() - compiledBefore) / tookMs;
    }

    private static HttpClient client(ExecutorService clientThreads) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(clientThreads).build();
    }

    /** {@code clients} clients, started evenly over {@code rampUp}, each asking for {@code rounds} pages in a row. */
    private static void load(HttpClient http, URI page, ExecutorService clientThreads, int clients, int rounds, Duration rampUp,
                             PageTimes times, PageTimes serverTimes) throws Exception {
        List<CompletableFuture<Void>> everyone = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            // client k starts k/clients of the way into the ramp-up
            CompletableFuture<Void> oneClient = CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(rampUp.toNanos() * client / clients, TimeUnit.NANOSECONDS, clientThreads));
            for (int round = 0; round < rounds; round++) {
                oneClient = oneClient.thenCompose(previous -> timedPage(http, page, times, serverTimes));
            }
            everyone.add(oneClient);
        }
        // bounded: each page has its own request timeout, and the whole run this much
        CompletableFuture.allOf(everyone.toArray(CompletableFuture[]::new))
                .get(rampUp.toMillis() + rounds * (DEADLINE.toMillis() + 30_000L), TimeUnit.MILLISECONDS);
    }

    /** The page's own "Total: <strong>N ms</strong>": from the handler's start to the page's rendering. */
    private static final Pattern TOTAL = Pattern.compile("Total: <strong>(\\d+) ms</strong>");

    private static CompletableFuture<Void> timedPage(HttpClient http, URI page, PageTimes times, PageTimes serverTimes) {
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(page).timeout(DEADLINE.plusSeconds(20)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    if (failure != null) {
                        times.missing(failure.toString());
                    } else if (response.statusCode() != 200) {
                        times.missing("HTTP " + response.statusCode());
                    } else {
                        times.answered(took);
                        Matcher total = TOTAL.matcher(response.body());
                        if (total.find()) {
                            serverTimes.answered(Duration.ofMillis(Long.parseLong(total.group(1))));
                        }
                    }
                    return null;
                });
    }
}
