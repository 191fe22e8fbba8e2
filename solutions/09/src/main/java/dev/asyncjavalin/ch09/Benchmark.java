package dev.asyncjavalin.ch09;

import dev.asyncjavalin.ch09.Results.Load;
import dev.asyncjavalin.ch09.Results.Sweep;
import dev.asyncjavalin.ch09.Results.Timing;
import dev.asyncjavalin.lab.CommandLine;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.bench.BenchmarkMain;
import dev.asyncjavalin.lab.bench.CpuTime;
import dev.asyncjavalin.lab.bench.LoadGenerator;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every model of the course, measured in one run on the embedded upstream, in three parts:
 * {@link TimingTable} (the article's table), {@link LoadRun} ({@code --clients} clients at once) and
 * {@link SaturationSweep} (where the blocking route saturates). Writes {@code results.csv},
 * {@code results.json} and {@code report.html} to target/benchmark. Not a test: timings belong in a
 * report, not in an assertion.
 *
 * <pre>mvn -pl chapters/09 exec:java@benchmark [-Dexec.args="--calls 10 --pages 10 --clients 1000 --rounds 5 --pool 200 --parts table,load,sweep"]</pre>
 */
public final class Benchmark {

    public static void main(String[] args) throws Exception {
        main(args, line -> List.of());
    }

    /** The benchmark, with servers outside this JVM measured beside the models (see {@link SideBySide}). */
    static void main(String[] args, Function<CommandLine, List<ExternalServer>> alsoMeasured) throws Exception {
        BenchmarkMain.run(args, line -> {
            List<String> parts = line.listOption("parts", List.of("table", "load", "sweep"));
            int calls = line.intOption("calls", 10, 1, 100);
            int pages = line.intOption("pages", SlowUpstream.DEFAULT_PAGES, 1, 50);
            int clients = line.intOption("clients", 1000, 1, App.MAX_UPSTREAM_CALLS); // every client's call must fit in the app's PageClient
            int rounds = line.intOption("rounds", 5, 1, 50);
            int pool = line.intOption("pool", 200, 8, 2000);
            Duration latency = Duration.ofMillis(line.intOption("latency-ms", 1000, 100, 5000));
            List<ExternalServer> externalServers = alsoMeasured.apply(line);
            try (LoadGenerator generator = new LoadGenerator(clients)) {
                Harness harness = new Harness(System.out, generator);
                Measuring with = new Measuring(System.out, harness, new ExternalRows(harness, externalServers), pool);
                run(with, parts, calls, pages, clients, rounds, latency);
            }
        });
    }

    private static void run(Measuring with, List<String> parts, int calls, int pages, int clients, int rounds, Duration latency) {
        String measuredAt = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        int cores = Runtime.getRuntime().availableProcessors();
        double loadAverage = CpuTime.loadAverage();
        with.out().printf("%nChapter 09 benchmark · JDK %s · %d cores · load average %.1f%s%n", Runtime.version(), cores, loadAverage,
                loadAverage > cores ? " (other programs are using these cores: expect noise)" : "");
        List<String> notes = new ArrayList<>(with.external().notes());
        if (!Model.VIRTUAL_THREADS.runsHere()) {
            notes.add(0, "Virtual threads skipped: " + VirtualThreads.whyUnavailable() + " (run Maven with JAVA_HOME set to a JDK 21+ to include them).");
        }
        notes.forEach(with.out()::println);
        Optional<Timing> timing = parts.contains("table") ? Optional.of(TimingTable.measure(with, calls, pages)) : Optional.empty();
        Optional<Load> load = parts.contains("load") ? Optional.of(LoadRun.measure(with, clients, rounds, latency)) : Optional.empty();
        Optional<Sweep> sweep = parts.contains("sweep") ? Optional.of(SaturationSweep.measure(with)) : Optional.empty();
        ResultFiles.write(new Results(measuredAt, Runtime.version().toString(), cores, loadAverage, timing, load, sweep, notes),
                Settings.defaultBenchmarkFiles(), with.out());
    }
}
