package dev.asyncjavalin.ch09;

import static dev.asyncjavalin.ch09.Harness.everyRowOk;
import static dev.asyncjavalin.ch09.Harness.failIfErrors;

import dev.asyncjavalin.ch09.Results.Load;
import dev.asyncjavalin.ch09.Results.LoadRow;
import dev.asyncjavalin.ch09.Results.Sweep;
import dev.asyncjavalin.ch09.Results.Timing;
import dev.asyncjavalin.ch09.Results.TimingRow;
import dev.asyncjavalin.ch09.Saturation.LoadPoint;
import dev.asyncjavalin.lab.CommandLine;
import dev.asyncjavalin.lab.ExerciseNotSolved;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.bench.BenchmarkMain;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.bench.CpuTime;
import dev.asyncjavalin.lab.bench.Format;
import dev.asyncjavalin.lab.bench.LoadGenerator;
import dev.asyncjavalin.lab.bench.LoadGenerator.Run;
import java.io.PrintStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

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
    private static final List<Model> RUNNING_HERE = Stream.of(Model.values()).filter(Model::runsHere).toList();

    private final PrintStream out = System.out;
    private final ConsoleTables tables = new ConsoleTables(out);
    private final List<String> notes = new ArrayList<>();
    private final Harness harness;
    private final int poolSize;
    private final ExternalRows external;

    private Benchmark(LoadGenerator clients, int poolSize, List<ExternalServer> externalServers) {
        this.harness = new Harness(out, clients);
        this.poolSize = poolSize;
        this.external = new ExternalRows(harness, externalServers);
    }

    public static void main(String[] args) throws Exception {
        main(args, line -> List.of());
    }

    /** The benchmark, with servers outside this JVM measured beside the models (see {@link SideBySide}). */
    static void main(String[] args, Function<CommandLine, List<ExternalServer>> alsoMeasured) throws Exception {
        BenchmarkMain.run(args, line -> {
            List<String> parts = List.of(line.option("parts", "table,load,sweep").split(","));
            if (!List.of("table", "load", "sweep").containsAll(parts)) {
                throw new CommandLine.UsageException("--parts lists table, load and/or sweep, separated by commas, got '"
                        + line.option("parts", "") + "'");
            }
            int calls = line.intOption("calls", 10, 1, 100);
            int pages = line.intOption("pages", SlowUpstream.DEFAULT_PAGES, 1, 50);
            int clients = line.intOption("clients", 1000, 1, App.MAX_UPSTREAM_CALLS); // every client's call must fit in the app's PageClient
            int rounds = line.intOption("rounds", 5, 1, 50);
            int pool = line.intOption("pool", 200, 8, 2000);
            Duration latency = Duration.ofMillis(line.intOption("latency-ms", 1000, 100, 5000));
            List<ExternalServer> externalServers = alsoMeasured.apply(line);
            try (LoadGenerator generator = new LoadGenerator(clients)) {
                new Benchmark(generator, pool, externalServers).run(parts, calls, pages, clients, rounds, latency);
            }
        });
    }

    private void run(List<String> parts, int calls, int pages, int clientCount, int rounds, Duration latency) {
        String measuredAt = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        int cores = Runtime.getRuntime().availableProcessors();
        double loadAverage = CpuTime.loadAverage();
        out.printf("%nChapter 09 benchmark · JDK %s · %d cores · load average %.1f%s%n", Runtime.version(), cores, loadAverage,
                loadAverage > cores ? " (other programs are using these cores: expect noise)" : "");
        if (!Model.VIRTUAL_THREADS.runsHere()) {
            notes.add("Virtual threads skipped: " + VirtualThreads.whyUnavailable() + " (run Maven with JAVA_HOME set to a JDK 21+ to include them).");
            out.println(notes.get(0));
        }
        external.notes().forEach(out::println);
        notes.addAll(external.notes());
        Optional<Timing> timing = parts.contains("table") ? Optional.of(table(calls, pages)) : Optional.empty();
        Optional<Load> load = parts.contains("load") ? Optional.of(load(clientCount, rounds, latency)) : Optional.empty();
        Optional<Sweep> sweep = parts.contains("sweep") ? Optional.of(sweep()) : Optional.empty();
        ResultFiles.write(new Results(measuredAt, Runtime.version().toString(), cores, loadAverage, timing, load, sweep, notes),
                Settings.defaultBenchmarkFiles(), out);
    }

    // tag::table[]
    private Timing table(int calls, int pages) {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(pages).start()) {
            double slowest = upstream.latencies().stream().mapToLong(Duration::toMillis).max().orElse(0);
            double sum = upstream.latencies().stream().mapToLong(Duration::toMillis).sum();
            out.printf("%nPart 1 · the article's table: %d requests one after another per route, %d pages each%n", calls, pages);
            out.printf("  %s; slowest call %.0f ms, sum %.0f ms, so the bound sum / slowest is %.2fx%n", upstream.describe(), slowest, sum, sum / slowest);
            List<TimingRow> rows = new ArrayList<>();
            for (Model model : RUNNING_HERE) {
                AppThreads.Counted<Run> counted = harness.onApp(upstream.urls(), model.requestThreads(poolSize),
                        url -> harness.sequence(url + model.route(), calls, everyRowOk(pages), model.label()));
                Run run = counted.result();
                Statistics.Summary wall = Statistics.summarize(failIfErrors(run, model.label()).latencyMs());
                double speedup = rows.isEmpty() ? 1.0 : rows.get(0).wall().mean() / wall.mean(); // rows.get(0) is sync
                rows.add(new TimingRow(model.label(), model.route(), run.latencyMs(), wall, speedup, Harness.cpuPercent(run),
                        counted.threads().peak()));
            }
            rows.addAll(external.table(upstream, calls, pages));
            Timing timing = new Timing(pages, calls, slowest, sum, rows);
            tables.print(timing);
            return timing;
        }
    }
    // end::table[]

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
            rows.add(harness.loadRow("upstream alone", "", "-", upstream.url("/recipes/1"), clientCount, latency, window, body -> true, Double.NaN));
            for (Model model : RUNNING_HERE) {
                RequestThreads threads = model.requestThreads(poolSize);
                rows.add(harness.onAppWithPool(onePage, threads, (base, threadsForRequests) -> {
                    boolean blocking = model == Model.SYNC || model == Model.CONCURRENT; // each request holds a thread
                    double bound = blocking ? Saturation.predictedCeiling(threadsForRequests, latency) : Double.NaN;
                    return harness.loadRow(model.label(), model.route(), threads.describe(), base + model.route(), clientCount, latency, window,
                            everyRowOk(1), bound);
                }));
            }
            rows.addAll(external.load(upstream, clientCount, latency, window));
        }
        Load load = new Load(clientCount, window.toMillis(), latency.toMillis(), ideal, rows);
        tables.print(load);
        return load;
    }
    // end::load[]

    // tag::sweep[]
    private Sweep sweep() {
        out.printf("%nPart 3 · where the blocking route saturates: %s on a pool of %d threads, one page of %d ms per request%n",
                Model.SYNC.route(), SWEEP_POOL, SWEEP_LATENCY.toMillis());
        try (SlowUpstream upstream = SlowUpstream.builder().pages(1).fixedLatency(SWEEP_LATENCY).start()) {
            UpstreamUrls onePage = UpstreamUrls.of(List.of(upstream.url("/recipes/1")));
            return harness.onAppWithPool(onePage, RequestThreads.pool(SWEEP_POOL), (base, threadsForRequests) -> {
                String url = base + Model.SYNC.route();
                int most = SWEEP_CLIENTS.get(SWEEP_CLIENTS.size() - 1);
                harness.warmUp(url, most, SWEEP_LATENCY, everyRowOk(1), most + " clients");
                List<LoadPoint> points = new ArrayList<>();
                for (int clientCount : SWEEP_CLIENTS) {
                    Run run = harness.measure(url, clientCount, SWEEP_LATENCY, SWEEP_LATENCY.multipliedBy(SWEEP_ROUNDS), everyRowOk(1),
                            "sweep · " + clientCount + " clients");
                    points.add(new LoadPoint(clientCount, failIfErrors(run, "sweep with " + clientCount + " clients").throughput()));
                }
                Optional<LoadPoint> knee = Optional.empty();
                String kneeNote = "";
                try {
                    knee = Saturation.knee(points);
                    kneeNote = knee.isEmpty() ? "Throughput was still rising at " + most + " clients: no ceiling within this sweep." : "";
                } catch (ExerciseNotSolved e) {
                    kneeNote = "The knee is not computed yet: " + e.getMessage();
                }
                Sweep sweep = new Sweep(Model.SYNC.route(), SWEEP_POOL, threadsForRequests, SWEEP_LATENCY.toMillis(),
                        Saturation.predictedCeiling(threadsForRequests, SWEEP_LATENCY), points, knee, kneeNote);
                tables.print(sweep);
                return sweep;
            });
        }
    }
    // end::sweep[]
}
