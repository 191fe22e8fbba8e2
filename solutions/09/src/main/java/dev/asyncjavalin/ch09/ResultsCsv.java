package dev.asyncjavalin.ch09;

import dev.asyncjavalin.ch09.Results.LoadRow;
import dev.asyncjavalin.ch09.Results.TimingRow;
import dev.asyncjavalin.ch09.Saturation.LoadPoint;
import dev.asyncjavalin.ch09.Statistics.Summary;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The results as one CSV table for a spreadsheet: one line per measured thing, the same columns
 * for every part, empty where a column does not apply. Numbers use a dot, whatever the locale.
 */
final class ResultsCsv {

    static final List<String> COLUMNS = List.of("part", "served", "route", "clients", "requests", "mean_ms", "median_ms",
            "p95_ms", "p99_ms", "max_ms", "speedup_vs_sync", "throughput_per_s", "ideal_per_s", "bound_per_s", "errors");

    private ResultsCsv() {
    }

    // tag::write[]
    static String write(Results results) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        results.timing().ifPresent(timing -> {
            for (TimingRow row : timing.rows()) {
                line(csv, "table", row.model(), row.route(), "1", String.valueOf(timing.calls()), row.wall(),
                        number(row.speedup()), "", "", "", "");
            }
        });
        results.load().ifPresent(load -> {
            for (LoadRow row : load.rows()) {
                line(csv, "load", row.served(), row.route(), String.valueOf(load.clients()), String.valueOf(row.answers()),
                        row.latencyMs(), "", number(row.throughput()), number(load.ideal()), number(row.bound()), String.valueOf(row.errors()));
            }
        });
        results.sweep().ifPresent(sweep -> {
            for (LoadPoint point : sweep.points()) {
                line(csv, "sweep", "pool of " + sweep.poolSize(), sweep.route(), String.valueOf(point.clients()), "", null,
                        "", number(point.throughput()), "", number(sweep.predicted()), "");
            }
        });
        return csv.toString();
    }
    // end::write[]

    private static void line(StringBuilder csv, String part, String served, String route, String clients, String requests,
            Summary latency, String speedup, String throughput, String ideal, String bound, String errors) {
        Stream<String> latencies = latency == null ? Stream.of("", "", "", "", "")
                : Stream.of(latency.mean(), latency.median(), latency.p95(), latency.p99(), latency.max()).map(ResultsCsv::number);
        String cells = Stream.of(Stream.of(part, served, route, clients, requests), latencies,
                        Stream.of(speedup, throughput, ideal, bound, errors))
                .flatMap(s -> s)
                .map(ResultsCsv::cell)
                .collect(Collectors.joining(","));
        csv.append(cells).append('\n');
    }

    /** Two decimals with a dot; empty for a number that could not be computed. */
    static String number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Quotes a cell that holds a comma, a quote or a line break (RFC 4180). */
    static String cell(String text) {
        boolean needsQuotes = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return needsQuotes ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
