package dev.asyncjavalin.ch09;

import dev.asyncjavalin.ch09.Results.LoadRow;
import dev.asyncjavalin.ch09.Results.TimingRow;
import dev.asyncjavalin.ch09.Saturation.LoadPoint;
import dev.asyncjavalin.ch09.Statistics.Summary;
import dev.asyncjavalin.lab.bench.Csv;
import java.util.List;
import java.util.stream.Stream;

/**
 * The results as one CSV table for a spreadsheet: one line per measured thing, the same columns
 * for every part, empty where a column does not apply. Numbers use a dot, whatever the locale.
 */
final class ResultsCsv {

    static final List<String> COLUMNS = List.of("part", "served", "route", "clients", "requests", "mean_ms", "median_ms",
            "p95_ms", "p99_ms", "max_ms", "speedup_vs_sync", "throughput_per_s", "ideal_per_s", "bound_per_s", "errors",
            "cpu_percent", "app_threads", "threads_started");

    private ResultsCsv() {
    }

    // tag::write[]
    static String write(Results results) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        results.timing().ifPresent(timing -> {
            for (TimingRow row : timing.rows()) {
                line(csv, "table", row.model(), row.route(), "1", String.valueOf(timing.calls()), row.wall(),
                        number(row.speedup()), "", "", "", "", List.of(number(row.cpuPercent()), Csv.count(row.appThreads()), ""));
            }
        });
        results.load().ifPresent(load -> {
            for (LoadRow row : load.rows()) {
                line(csv, "load", row.served(), row.route(), String.valueOf(load.clients()), String.valueOf(row.answers()),
                        row.latencyMs(), "", number(row.throughput()), number(load.ideal()), number(row.bound()), String.valueOf(row.errors()),
                        List.of(number(row.cpuPercent()), Csv.count(row.appThreads()), Csv.count(row.threadsStarted())));
            }
        });
        results.sweep().ifPresent(sweep -> {
            for (LoadPoint point : sweep.points()) {
                line(csv, "sweep", "pool of " + sweep.poolSize(), sweep.route(), String.valueOf(point.clients()), "", null,
                        "", number(point.throughput()), "", number(sweep.predicted()), "", List.of());
            }
        });
        return csv.toString();
    }
    // end::write[]

    private static void line(StringBuilder csv, String part, String served, String route, String clients, String requests,
            Summary latency, String speedup, String throughput, String ideal, String bound, String errors, List<String> threads) {
        Stream<String> latencies = latency == null ? Stream.of("", "", "", "", "")
                : Stream.of(latency.mean(), latency.median(), latency.p95(), latency.p99(), latency.max()).map(Csv::number);
        csv.append(Csv.line(Stream.of(Stream.of(part, served, route, clients, requests), latencies,
                Stream.of(speedup, throughput, ideal, bound, errors),
                threads.isEmpty() ? Stream.of("", "", "") : threads.stream()).flatMap(cells -> cells).toList()));
    }

    private static String number(double value) {
        return Csv.number(value);
    }
}
