package dev.asyncjavalin.ch09;

import dev.asyncjavalin.ch09.Results.Load;
import dev.asyncjavalin.ch09.Results.LoadRow;
import dev.asyncjavalin.ch09.Results.Sweep;
import dev.asyncjavalin.ch09.Results.Timing;
import dev.asyncjavalin.ch09.Results.TimingRow;
import dev.asyncjavalin.ch09.Saturation.LoadPoint;
import dev.asyncjavalin.lab.bench.Format;
import java.io.PrintStream;

/** The benchmark's three parts as console tables, printed as each part ends. */
final class ConsoleTables {

    private final PrintStream out;

    ConsoleTables(PrintStream out) {
        this.out = out;
    }

    void print(Timing timing) {
        out.printf("%n  %-16s %-20s %9s %9s %9s %15s %10s %5s %8s%n", "model", "route", "mean", "median", "p95", "mean/slowest", "vs sync",
                "CPU", "threads");
        for (TimingRow row : timing.rows()) {
            out.printf("  %-16s %-20s %9s %9s %9s %15s %10s %5s %8s%n", row.model(), row.route(), Format.ms(row.wall().mean()),
                    Format.ms(row.wall().median()), Format.ms(row.wall().p95()), Format.times(row.perSlowestCall(timing)), Format.times(row.speedup()),
                    Format.percent(row.cpuPercent() / 100), Format.count(row.appThreads()));
        }
        out.printf("  slowest single call %s; sum of calls %s; bound %s%n", Format.ms(timing.slowestCallMs()),
                Format.ms(timing.sumOfCallsMs()), Format.times(timing.bound()));
    }

    void print(Load load) {
        out.printf("%n  %-38s %11s %9s %9s %9s %9s %7s %10s %5s %8s %8s%n", "served by", "throughput", "of ideal", "p50", "p95", "p99", "errors",
                "bound", "CPU", "threads", "started");
        for (LoadRow row : load.rows()) {
            out.printf("  %-38s %11s %9s %9s %9s %9s %7d %10s %5s %8s %8s%n", row.served(), Format.perSecond(row.throughput()),
                    Format.percent(row.ofIdeal(load)), Format.ms(row.latencyMs().median()), Format.ms(row.latencyMs().p95()),
                    Format.ms(row.latencyMs().p99()), row.errors(), Format.perSecond(row.bound()), Format.percent(row.cpuPercent() / 100),
                    Format.count(row.appThreads()), Format.count(row.threadsStarted()));
            if (row.errors() > 0) {
                out.println("      first error: " + row.firstError());
            }
        }
        out.println("  upstream alone: the clients straight to the upstream, no app between: the most this machine can show");
        out.println("  bound: the pool's threads for requests / latency, for the routes that hold a thread per request");
        out.println("  CPU: this JVM (upstream, app and clients together) as a share of all cores");
        out.println("  threads: the app's platform threads at the most while the load was steady (not the clients', not the upstream's)");
        out.println("  started: platform threads this JVM started meanwhile: a pool that grows, or a thread per task");
    }

    void print(Sweep sweep) {
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
}
