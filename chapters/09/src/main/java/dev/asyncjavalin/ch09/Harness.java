package dev.asyncjavalin.ch09;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.bench.JettyPool;
import dev.asyncjavalin.lab.bench.LoadGenerator;
import dev.asyncjavalin.lab.bench.LoadGenerator.Run;
import dev.asyncjavalin.lab.bench.Progress;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.Javalin;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/** How the benchmark runs one model: a fresh app, a warm-up, then a measured run whose progress it prints. */
final class Harness {

    private final PrintStream out;
    private final LoadGenerator clients;
    /** The threads of the app that {@link #onAppWithPool} runs now; null while no app runs. */
    private AppThreads appThreads;

    Harness(PrintStream out, LoadGenerator clients) {
        this.out = out;
        this.clients = clients;
    }

    /**
     * The model's route on a fresh app: one request to warm up, then {@code calls} one after
     * another, counting the app's threads while they run.
     */
    AppThreads.Counted<Run> sequence(String url, int calls, Predicate<String> ok, String label) {
        clients.sequence(url, 1, ok, Progress.start(out, "warm-up · " + label));
        AppThreads counting = appThreads != null ? appThreads : AppThreads.startingNow(); // a server outside this JVM
        return counting.during(Duration.ZERO, () -> clients.sequence(url, calls, ok, Progress.start(out, "table · " + label)));
    }

    /** This JVM's CPU time during {@code run}, as a share of all cores. */
    static double cpuPercent(Run run) {
        return 100 * run.cpuSeconds() / (run.wall().toNanos() / 1e9) / Runtime.getRuntime().availableProcessors();
    }

    // tag::measure[]
    /**
     * Clients arrive spread over one latency, and the window opens only once all of them have
     * been answered at least once (after two latencies); only the answers within the next
     * {@code window} count. A window of whole latencies holds the same number of answers from
     * every client, whenever it arrived.
     */
    Run measure(String url, int clientCount, Duration latency, Duration window, Predicate<String> ok, String phase) {
        Duration windowStart = latency.multipliedBy(2);
        return clients.load(url, clientCount, latency, windowStart.plus(window), windowStart, ok, Progress.start(out, phase));
    }

    /** One request per client, not counted: opens every client's connection and starts the server's threads. */
    void warmUp(String url, int clientCount, Duration latency, Predicate<String> ok, String phase) {
        clients.load(url, clientCount, latency, Duration.ZERO, Duration.ZERO, ok, Progress.start(out, "warm-up · " + phase));
    }
    // end::measure[]

    /** Warms up, then measures {@code url} under load: one line of the load table. */
    Results.LoadRow loadRow(String served, String route, String threads, String url, int clientCount, Duration latency, Duration window,
            Predicate<String> ok, double bound) {
        return loadRow(served, route, threads, url, clientCount, latency, window, ok, bound, () -> 0);
    }

    /** The same, for a server outside this JVM: the CPU its processes used is added to this JVM's. */
    Results.LoadRow loadRow(String served, String route, String threads, String url, int clientCount, Duration latency, Duration window,
            Predicate<String> ok, double bound, LongSupplier otherProcessesCpuNanos) {
        AppThreads counting = appThreads != null ? appThreads : AppThreads.startingNow(); // no app: counts (almost) nothing
        warmUp(url, clientCount, latency, ok, served);
        long otherBefore = otherProcessesCpuNanos.getAsLong();
        AppThreads.Counted<Run> counted = counting.during(latency.multipliedBy(2), // when measure's window opens
                () -> measure(url, clientCount, latency, window, ok, "load · " + served));
        Run run = counted.result();
        if (!counted.threads().atPeak().isEmpty()) {
            out.println("      the app's threads at the most: " + counted.threads().atPeak());
        }
        double cpuSeconds = run.cpuSeconds() + (otherProcessesCpuNanos.getAsLong() - otherBefore) / 1e9;
        double cpuPercent = 100 * cpuSeconds / (run.wall().toNanos() / 1e9) / Runtime.getRuntime().availableProcessors();
        return new Results.LoadRow(served, route, threads, run.throughput(), Statistics.summarize(run.latencyMs()), run.latencyMs().size(),
                run.errors(), run.firstError(), bound, cpuPercent, counted.threads().peak(), counted.threads().started());
    }

    interface OnApp<T> {
        T measure(String baseUrl, int threadsForRequests);
    }

    <T> T onApp(UpstreamUrls urls, RequestThreads threads, Function<String, T> measure) {
        return onAppWithPool(urls, threads, (base, threadsForRequests) -> measure.apply(base));
    }

    /** A fresh app for one measurement, stopped afterwards; tells how many pool threads run requests. */
    <T> T onAppWithPool(UpstreamUrls urls, RequestThreads threads, OnApp<T> measure) {
        appThreads = AppThreads.startingNow();
        Javalin app = App.create(urls, new Settings(threads, Settings.defaultBenchmarkFiles())).start("localhost", 0);
        try {
            // onApp closes the kept-alive connections before it stops the app: a graceful stop would wait for them
            return clients.onApp(app, base -> measure.measure(base, JettyPool.handlerThreads(app)));
        } finally {
            appThreads = null;
        }
    }

    interface OnExternal<T> {
        T measure(String baseUrl, ExternalServer.Running running);
    }

    <T> T onExternal(ExternalServer server, SlowUpstream upstream, Function<String, T> measure) {
        return onExternal(server, upstream, (base, running) -> measure.apply(base));
    }

    /** A server outside this JVM, started on {@code upstream}'s pages for one measurement, stopped afterwards. */
    <T> T onExternal(ExternalServer server, SlowUpstream upstream, OnExternal<T> measure) {
        try (ExternalServer.Running running = server.start(upstream.baseUrl(), upstream.recipeUrls().size())) {
            try {
                return measure.measure(running.baseUrl(), running);
            } finally {
                clients.closeConnections(); // its graceful stop would wait for the kept-alive connections
            }
        }
    }

    /** An answer counts only if it lists {@code pages} rows, all of them 200. */
    static Predicate<String> everyRowOk(int pages) {
        return html -> {
            List<String> statuses = ResultRows.statuses(html);
            return statuses.size() == pages && statuses.stream().allMatch("200"::equals);
        };
    }

    static Run failIfErrors(Run run, String what) {
        if (run.errors() > 0) {
            throw new IllegalStateException(what + ": " + run.errors() + " requests failed, the first with " + run.firstError()
                    + "; the numbers would mean nothing");
        }
        return run;
    }
}
