package dev.asyncjavalin.ch08;

import dev.asyncjavalin.lab.bench.BenchmarkMain;
import dev.asyncjavalin.lab.bench.CpuTime;
import dev.asyncjavalin.lab.bench.LoadGenerator;
import dev.asyncjavalin.lab.bench.LoadGenerator.Run;
import dev.asyncjavalin.lab.bench.Progress;
import dev.asyncjavalin.lab.bench.Stats;
import dev.asyncjavalin.lab.bench.Timed;
import io.javalin.Javalin;
import java.util.List;

/**
 * Hits {@code /hash_sync} and {@code /hash_async} with the same concurrent load, in one run, and
 * prints throughput, latency and the ratio async / sync. Not a test: timings belong in a report.
 *
 * <pre>mvn -pl chapters/08 exec:java@benchmark [-Dexec.args="--clients 16 --requests 160"]</pre>
 */
public final class Benchmark {

    public static void main(String[] args) throws Exception {
        BenchmarkMain.run(args, line -> run(line.intOption("clients", 16, 1, 256), line.intOption("requests", 160, 10, 10_000)));
    }

    private static void run(int clients, int requests) {
        int cores = Runtime.getRuntime().availableProcessors();
        Javalin app = App.create(Settings.defaults()).start("localhost", 0);
        // each client sends its next request when it has an answer; a 503 it waits out as Retry-After asks
        try (LoadGenerator http = new LoadGenerator(clients * 2)) {
            String base = "http://localhost:" + app.port();
            System.out.printf("%d cores (Runtime.availableProcessors); CPU pool: %d threads, %d queue slots; PBKDF2 with %,d iterations%n",
                    cores, CpuPool.DEFAULT_THREADS, CpuPool.DEFAULT_QUEUE_CAPACITY, KeyStretching.ITERATIONS);
            load(http, base + "/hash_sync", clients, requests / 4); // warm-up: let the JIT compile the hash
            load(http, base + "/hash_async", clients, requests / 4);
            long alone = Timed.medianMillis(5, () -> Timed.run(() -> KeyStretching.hash("alone")).millis());
            System.out.printf("one hash alone, with no requests running: %d ms, so at most %.1f hashes/s on %d cores%n%n",
                    alone, cores * 1000.0 / Math.max(1, alone), cores);

            System.out.printf("system load average before the run: %.1f (above %d, other programs share these cores: expect noise)%n%n",
                    CpuTime.loadAverage(), cores);
            System.out.println("clients  route        answered  refused (503)   hashes/s   median      p95      max   CPU ms/hash");
            for (int concurrent : List.of(clients, clients * 2)) {
                Run sync = load(http, base + "/hash_sync", concurrent, requests);
                Run async = load(http, base + "/hash_async", concurrent, requests);
                print(concurrent, "/hash_sync", sync);
                print(concurrent, "/hash_async", async);
                System.out.printf("         async / sync: throughput %.2fx, median latency %.2fx%n%n", async.perSecond() / sync.perSecond(),
                        Stats.ratio(async.percentileMillis(50), sync.percentileMillis(50)));
            }
            System.out.printf("system load average after the run: %.1f%n", CpuTime.loadAverage());
        } finally {
            app.stop();
        }
    }

    /** {@code clients} clients send requests one after another until {@code requests} have been answered. */
    private static Run load(LoadGenerator http, String url, int clients, int requests) {
        Run run = http.shared(url, clients, requests, body -> true, Progress.silent());
        if (run.errors() > 0) {
            System.out.printf("  %d answers from %s were neither 200 nor 503; the first: %s%n", run.errors(), url, run.firstError());
        }
        return run;
    }

    private static void print(int clients, String route, Run run) {
        System.out.printf("%7d  %-11s %9d %14d %10.1f %6d ms %6d ms %6d ms %10.0f%n", clients, route, run.latencyMs().size(), run.refused(),
                run.perSecond(), run.percentileMillis(50), run.percentileMillis(95), run.percentileMillis(100),
                Stats.ratio(run.cpuSeconds() * 1000, run.latencyMs().size())); // this JVM's CPU: server and load clients together
    }
}
