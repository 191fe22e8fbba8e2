package dev.asyncjavalin.ch09;

import dev.asyncjavalin.ch09.LoadGenerator.Run;
import dev.asyncjavalin.ch09.Results.Load;
import dev.asyncjavalin.ch09.Results.LoadRow;
import dev.asyncjavalin.ch09.Results.Sweep;
import dev.asyncjavalin.ch09.Results.Timing;
import dev.asyncjavalin.ch09.Results.TimingRow;
import dev.asyncjavalin.ch09.Saturation.LoadPoint;
import dev.asyncjavalin.ch09.Statistics.Summary;
import dev.asyncjavalin.lab.CommandLine;
import dev.asyncjavalin.lab.ExerciseNotSolved;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Every model of the course, measured in one run on the embedded upstream, in three parts:
 *
 * <ol>
 *   <li><b>table</b>: the article's timing table. {@code --calls} requests one after another to
 *       each route, each fetching {@code --pages} seeded pages (0.2-1.5 s): mean, median, p95,
 *       speedup vs sync, against the slowest call.</li>
 *   <li><b>load</b>: {@code --clients} clients at once, each sending requests one after another,
 *       one page of a fixed {@code --latency-ms} per request: throughput over {@code --rounds}
 *       latencies of steady load against the ideal, latency percentiles, errors. The blocking
 *       routes run on a pool of {@code --pool} threads.</li>
 *   <li><b>sweep</b>: the blocking route on a small pool at growing numbers of clients, to find
 *       where it saturates (exercise 9.2).</li>
 * </ol>
 *
 * Writes {@code results.csv}, {@code results.json} and {@code report.html} to target/benchmark.
 * Not a test: timings belong in a report, not in an assertion.
 *
 * <pre>mvn -pl chapters/09 exec:java@benchmark [-Dexec.args="--calls 10 --pages 10 --clients 1000 --rounds 5 --pool 200 --parts table,load,sweep"]</pre>
 */
public final class Benchmark {

    static final int SWEEP_POOL = 24;
    static final Duration SWEEP_LATENCY = Duration.ofMillis(200);
    static final List<Integer> SWEEP_CLIENTS = List.of(5, 10, 20, 40, 80);
    static final int SWEEP_ROUNDS = 10;

    private final PrintStream out = System.out;
    private final List<String> notes = new ArrayList<>();
    private final LoadGenerator clients;
    private final int poolSize;

    private Benchmark(LoadGenerator clients, int poolSize) {
        this.clients = clients;
        this.poolSize = poolSize;
    }

    /** The command line, checked before anything runs. */
    private record Options(List<String> parts, int calls, int pages, int clients, int rounds, int pool, int latencyMs) {

        static Options parse(String[] args) {
            CommandLine line = CommandLine.parse(args);
            List<String> parts = List.of(line.option("parts", "table,load,sweep").split(","));
            if (!List.of("table", "load", "sweep").containsAll(parts)) {
                throw new CommandLine.UsageException("--parts lists table, load and/or sweep, separated by commas, got '"
                        + line.option("parts", "") + "'");
            }
            return new Options(parts,
                    line.intOption("calls", 10, 1, 100),
                    line.intOption("pages", SlowUpstream.DEFAULT_PAGES, 1, 50),
                    line.intOption("clients", 1000, 1, App.MAX_UPSTREAM_CALLS), // every client's call must fit in the app's PageClient
                    line.intOption("rounds", 5, 1, 50),
                    line.intOption("pool", 200, 8, 2000),
                    line.intOption("latency-ms", 1000, 100, 5000));
        }
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (CommandLine.UsageException e) {
            System.err.println("Cannot run the benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        try (LoadGenerator generator = new LoadGenerator(options.clients())) {
            new Benchmark(generator, options.pool()).run(options.parts(), options.calls(), options.pages(), options.clients(),
                    options.rounds(), options.latencyMs());
        }
    }

    private void run(List<String> parts, int calls, int pages, int clientCount, int rounds, int latencyMs) {
        String measuredAt = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        double loadAverage = CpuTime.loadAverage();
        out.printf("%nChapter 09 benchmark · JDK %s · %d cores · load average %.1f%s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), loadAverage,
                loadAverage > Runtime.getRuntime().availableProcessors() ? " (other programs are using these cores: expect noise)" : "");
        if (!Model.VIRTUAL_THREADS.runsHere()) {
            String skipped = "Virtual threads skipped: " + VirtualThreads.whyUnavailable() + " (run Maven with JAVA_HOME set to a JDK 21+ to include them).";
            out.println(skipped);
            notes.add(skipped);
        }
        Optional<Timing> timing = parts.contains("table") ? Optional.of(table(calls, pages)) : Optional.empty();
        Optional<Load> load = parts.contains("load") ? Optional.of(load(clientCount, rounds, Duration.ofMillis(latencyMs))) : Optional.empty();
        Optional<Sweep> sweep = parts.contains("sweep") ? Optional.of(sweep()) : Optional.empty();
        Results results = new Results(measuredAt, Runtime.version().toString(), Runtime.getRuntime().availableProcessors(), loadAverage,
                timing, load, sweep, notes);
        write(results, Settings.defaultBenchmarkFiles());
    }

    // --- part 1: the article's table ----------------------------------------------------------

    // tag::table[]
    private Timing table(int calls, int pages) {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(pages).start()) {
            double slowest = upstream.latencies().stream().mapToLong(Duration::toMillis).max().orElse(0);
            double sum = upstream.latencies().stream().mapToLong(Duration::toMillis).sum();
            out.printf("%nPart 1 · the article's table: %d requests one after another per route, %d pages each%n", calls, pages);
            out.printf("  %s; slowest call %.0f ms, sum %.0f ms, so the bound sum / slowest is %.2fx%n", upstream.describe(), slowest, sum, sum / slowest);
            List<TimingRow> rows = new ArrayList<>();
            for (Model model : Model.values()) {
                if (!model.runsHere()) {
                    continue;
                }
                Run run = onApp(upstream.urls(), model.requestThreads(poolSize), url -> {
                    clients.sequence(url + model.route(), 1, everyRowOk(pages), Progress.start(out, "warm-up · " + model.label()));
                    return clients.sequence(url + model.route(), calls, everyRowOk(pages), Progress.start(out, "table · " + model.label()));
                });
                failIfErrors(run, model.label());
                Summary wall = Statistics.summarize(run.latencyMs());
                double speedup = rows.isEmpty() ? 1.0 : rows.get(0).wall().mean() / wall.mean(); // rows.get(0) is sync
                rows.add(new TimingRow(model.label(), model.route(), run.latencyMs(), wall, speedup));
            }
            Timing timing = new Timing(pages, calls, slowest, sum, rows);
            printTable(timing);
            return timing;
        }
    }
    // end::table[]

    private void printTable(Timing timing) {
        out.printf("%n  %-16s %-20s %9s %9s %9s %15s %10s%n", "model", "route", "mean", "median", "p95", "mean/slowest", "vs sync");
        for (TimingRow row : timing.rows()) {
            out.printf("  %-16s %-20s %9s %9s %9s %15s %10s%n", row.model(), row.route(), Format.ms(row.wall().mean()),
                    Format.ms(row.wall().median()), Format.ms(row.wall().p95()), Format.times(row.perSlowestCall(timing)), Format.times(row.speedup()));
        }
        out.printf("  slowest single call %s; sum of calls %s; bound %s%n", Format.ms(timing.slowestCallMs()),
                Format.ms(timing.sumOfCallsMs()), Format.times(timing.bound()));
    }

    // --- part 2: many clients at once ---------------------------------------------------------

    // tag::load[]
    private Load load(int clientCount, int rounds, Duration latency) {
        double ideal = clientCount / (latency.toNanos() / 1e9);
        Duration window = latency.multipliedBy(rounds);
        out.printf("%nPart 2 · under load: %d clients at once, each sending requests one after another; one page of %d ms per request%n",
                clientCount, latency.toMillis());
        out.printf("  ideal: clients / latency = %s; blocking routes run on a pool of %d threads%n", Format.perSecond(ideal), poolSize);
        List<LoadRow> rows = new ArrayList<>();
        try (SlowUpstream upstream = SlowUpstream.builder().pages(1).fixedLatency(latency).start()) {
            UpstreamUrls onePage = UpstreamUrls.of(List.of(upstream.url("/recipes/1")));
            // the load generator alone, straight at the upstream: its own ceiling on this machine
            rows.add(loadRow("upstream alone", "", "-", upstream.url("/recipes/1"), clientCount, latency, window,
                    body -> true, Double.NaN));
            for (Model model : Model.values()) {
                if (!model.runsHere()) {
                    continue;
                }
                RequestThreads threads = model.requestThreads(poolSize);
                rows.add(onAppWithPool(onePage, threads, (base, threadsForRequests) -> {
                    boolean blocking = model == Model.SYNC || model == Model.CONCURRENT; // each request holds a thread
                    double bound = blocking ? Saturation.predictedCeiling(threadsForRequests, latency) : Double.NaN;
                    return loadRow(model.label(), model.route(), threads.describe(), base + model.route(), clientCount, latency, window,
                            everyRowOk(1), bound);
                }));
            }
        }
        Load load = new Load(clientCount, window.toMillis(), latency.toMillis(), ideal, rows);
        printLoad(load);
        return load;
    }
    // end::load[]

    private LoadRow loadRow(String served, String route, String threads, String url, int clientCount, Duration latency, Duration window,
            Predicate<String> ok, double bound) {
        warmUp(url, clientCount, latency, ok, served);
        Run run = measure(url, clientCount, latency, window, ok, "load · " + served);
        double cpuPercent = 100 * run.cpuSeconds() / (run.wall().toNanos() / 1e9) / Runtime.getRuntime().availableProcessors();
        return new LoadRow(served, route, threads, run.throughput(), Statistics.summarize(run.latencyMs()), run.latencyMs().size(),
                run.errors(), run.firstError(), bound, cpuPercent);
    }

    private void printLoad(Load load) {
        out.printf("%n  %-38s %11s %9s %9s %9s %9s %7s %10s %5s%n", "served by", "throughput", "of ideal", "p50", "p95", "p99", "errors", "bound", "CPU");
        for (LoadRow row : load.rows()) {
            out.printf("  %-38s %11s %9s %9s %9s %9s %7d %10s %5s%n", row.served(), Format.perSecond(row.throughput()),
                    Format.percent(row.ofIdeal(load)), Format.ms(row.latencyMs().median()), Format.ms(row.latencyMs().p95()),
                    Format.ms(row.latencyMs().p99()), row.errors(), Format.perSecond(row.bound()), Format.percent(row.cpuPercent() / 100));
            if (row.errors() > 0) {
                out.println("      first error: " + row.firstError());
            }
        }
        out.println("  upstream alone: the clients straight to the upstream, no app between: the most this machine can show");
        out.println("  bound: the pool's threads for requests / latency, for the routes that hold a thread per request");
        out.println("  CPU: this JVM (upstream, app and clients together) as a share of all cores");
    }

    // --- part 3: where the blocking route saturates -------------------------------------------

    // tag::sweep[]
    private Sweep sweep() {
        out.printf("%nPart 3 · where the blocking route saturates: %s on a pool of %d threads, one page of %d ms per request%n",
                Model.SYNC.route(), SWEEP_POOL, SWEEP_LATENCY.toMillis());
        try (SlowUpstream upstream = SlowUpstream.builder().pages(1).fixedLatency(SWEEP_LATENCY).start()) {
            UpstreamUrls onePage = UpstreamUrls.of(List.of(upstream.url("/recipes/1")));
            return onAppWithPool(onePage, RequestThreads.pool(SWEEP_POOL), (base, threadsForRequests) -> {
                String url = base + Model.SYNC.route();
                int most = SWEEP_CLIENTS.get(SWEEP_CLIENTS.size() - 1);
                warmUp(url, most, SWEEP_LATENCY, everyRowOk(1), most + " clients");
                List<LoadPoint> points = new ArrayList<>();
                for (int clientCount : SWEEP_CLIENTS) {
                    Run run = measure(url, clientCount, SWEEP_LATENCY, SWEEP_LATENCY.multipliedBy(SWEEP_ROUNDS), everyRowOk(1),
                            "sweep · " + clientCount + " clients");
                    failIfErrors(run, "sweep with " + clientCount + " clients");
                    points.add(new LoadPoint(clientCount, run.throughput()));
                }
                double predicted = Saturation.predictedCeiling(threadsForRequests, SWEEP_LATENCY);
                Optional<LoadPoint> knee = Optional.empty();
                String kneeNote = "";
                try {
                    knee = Saturation.knee(points);
                    kneeNote = knee.isEmpty() ? "Throughput was still rising at " + most + " clients: no ceiling within this sweep." : "";
                } catch (ExerciseNotSolved e) {
                    kneeNote = "The knee is not computed yet: " + e.getMessage();
                }
                Sweep sweep = new Sweep(Model.SYNC.route(), SWEEP_POOL, threadsForRequests, SWEEP_LATENCY.toMillis(), predicted, points, knee, kneeNote);
                printSweep(sweep);
                return sweep;
            });
        }
    }
    // end::sweep[]

    private void printSweep(Sweep sweep) {
        out.printf("%n  %8s %11s%n", "clients", "throughput");
        for (LoadPoint point : sweep.points()) {
            out.printf("  %8d %11s%n", point.clients(), Format.perSecond(point.throughput()));
        }
        out.printf("  predicted ceiling: %d threads for requests / %d ms = %s%n", sweep.threadsForRequests(), (long) sweep.latencyMs(),
                Format.perSecond(sweep.predicted()));
        sweep.knee().ifPresentOrElse(
                knee -> out.printf("  knee: saturated at %d clients, %s (%s of the predicted ceiling)%n", knee.clients(),
                        Format.perSecond(knee.throughput()), Format.percent(knee.throughput() / sweep.predicted())),
                () -> out.println("  knee: " + sweep.kneeNote()));
    }

    // --- plumbing ------------------------------------------------------------------------------

    // tag::measure[]
    /**
     * Clients arrive spread over one latency, and the window opens only once all of them have
     * been answered at least once (after two latencies); only the answers within the next
     * {@code window} count. A window of whole latencies holds the same number of answers from
     * every client, whenever it arrived.
     */
    private Run measure(String url, int clientCount, Duration latency, Duration window, Predicate<String> ok, String phase) {
        Duration windowStart = latency.multipliedBy(2);
        return clients.load(url, clientCount, latency, windowStart.plus(window), windowStart, ok, Progress.start(out, phase));
    }

    /** One request per client, not counted: opens every client's connection and starts the server's threads. */
    private void warmUp(String url, int clientCount, Duration latency, Predicate<String> ok, String phase) {
        clients.load(url, clientCount, latency, Duration.ZERO, Duration.ZERO, ok, Progress.start(out, "warm-up · " + phase));
    }
    // end::measure[]

    private interface OnApp<T> {
        T measure(String baseUrl, int threadsForRequests);
    }

    private <T> T onApp(UpstreamUrls urls, RequestThreads threads, Function<String, T> measure) {
        return onAppWithPool(urls, threads, (base, threadsForRequests) -> measure.apply(base));
    }

    /** A fresh app for one measurement, stopped afterwards; tells how many pool threads run requests. */
    private <T> T onAppWithPool(UpstreamUrls urls, RequestThreads threads, OnApp<T> measure) {
        Path noReport = Settings.defaultBenchmarkFiles();
        Javalin app = App.create(urls, new Settings(threads, noReport)).start("localhost", 0);
        try {
            int threadsForRequests = 0;
            if (app.jettyServer().server().getThreadPool() instanceof QueuedThreadPool pool) {
                // Jetty leases some of the pool for good (to accept connections and watch sockets); the rest run handlers
                threadsForRequests = pool.getMaxThreads() - pool.getLeasedThreads();
            }
            return measure.measure("http://localhost:" + app.port(), threadsForRequests);
        } finally {
            clients.closeConnections(); // a graceful stop would wait for a thousand idle connections to close
            app.stop();
        }
    }

    /** A page is good when it has {@code pages} rows and every one of them is a 200. */
    /** An answer counts only if it lists {@code pages} rows, all of them 200. */
    static Predicate<String> everyRowOk(int pages) {
        return html -> {
            List<String> statuses = ResultRows.statuses(html);
            return statuses.size() == pages && statuses.stream().allMatch("200"::equals);
        };
    }

    private static void failIfErrors(Run run, String what) {
        if (run.errors() > 0) {
            throw new IllegalStateException(what + ": " + run.errors() + " requests failed, the first with " + run.firstError()
                    + "; the numbers would mean nothing");
        }
    }

    // tag::write[]
    private void write(Results results, Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("results.csv"), ResultsCsv.write(results));
            Files.writeString(directory.resolve("results.json"), ResultsJson.write(results));
            Files.writeString(directory.resolve(App.REPORT_FILE), ReportPage.render(results));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the results to " + directory.toAbsolutePath(), e);
        }
        out.printf("%nWritten: %s/{results.csv, results.json, %s}%n", directory.toAbsolutePath().normalize(), App.REPORT_FILE);
        out.println("See the report: open the file, or run the app (mvn -pl chapters/09 exec:java) and open http://localhost:7070/report");
    }
    // end::write[]
}
