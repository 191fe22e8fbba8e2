package dev.asyncjavalin.ch09;

import dev.asyncjavalin.ch09.Results.LoadRow;
import dev.asyncjavalin.ch09.Results.TimingRow;
import dev.asyncjavalin.ch09.Saturation.LoadPoint;
import dev.asyncjavalin.ch09.Statistics.Summary;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The results as JSON, for other programs. Written by hand: the shape is small and fixed, and
 * nothing in this module's dependencies writes JSON (Javalin 7 leaves Jackson optional).
 * A number that could not be computed is {@code null}: JSON has no NaN.
 */
final class ResultsJson {

    private ResultsJson() {
    }

    // tag::write[]
    static String write(Results results) {
        return object(
                field("measuredAt", string(results.measuredAt())),
                field("jdk", string(results.jdk())),
                field("cores", String.valueOf(results.cores())),
                field("loadAverageBefore", number(results.loadAverage())),
                field("timing", results.timing().map(timing -> object(
                        field("pages", String.valueOf(timing.pages())),
                        field("calls", String.valueOf(timing.calls())),
                        field("slowestCallMs", number(timing.slowestCallMs())),
                        field("sumOfCallsMs", number(timing.sumOfCallsMs())),
                        field("bound", number(timing.bound())),
                        field("rows", array(timing.rows(), ResultsJson::timingRow)))).orElse("null")),
                field("load", results.load().map(load -> object(
                        field("clients", String.valueOf(load.clients())),
                        field("windowMs", number(load.windowMs())),
                        field("latencyMs", number(load.latencyMs())),
                        field("idealPerSecond", number(load.ideal())),
                        field("rows", array(load.rows(), ResultsJson::loadRow)))).orElse("null")),
                field("sweep", results.sweep().map(sweep -> object(
                        field("route", string(sweep.route())),
                        field("poolSize", String.valueOf(sweep.poolSize())),
                        field("threadsForRequests", String.valueOf(sweep.threadsForRequests())),
                        field("latencyMs", number(sweep.latencyMs())),
                        field("predictedPerSecond", number(sweep.predicted())),
                        field("points", array(sweep.points(), ResultsJson::point)),
                        field("knee", sweep.knee().map(ResultsJson::point).orElse("null")))).orElse("null")),
                field("notes", array(results.notes(), ResultsJson::string)));
    }
    // end::write[]

    private static String timingRow(TimingRow row) {
        return object(
                field("model", string(row.model())),
                field("route", string(row.route())),
                field("wallMs", array(row.wallMs(), ResultsJson::number)),
                field("summary", summary(row.wall())),
                field("speedupVsSync", number(row.speedup())));
    }

    private static String loadRow(LoadRow row) {
        return object(
                field("served", string(row.served())),
                field("route", string(row.route())),
                field("threads", string(row.threads())),
                field("throughputPerSecond", number(row.throughput())),
                field("latencyMs", summary(row.latencyMs())),
                field("answers", String.valueOf(row.answers())),
                field("errors", String.valueOf(row.errors())),
                field("firstError", string(row.firstError())),
                field("boundPerSecond", number(row.bound())),
                field("cpuPercent", number(row.cpuPercent())));
    }

    private static String point(LoadPoint point) {
        return object(field("clients", String.valueOf(point.clients())), field("throughputPerSecond", number(point.throughput())));
    }

    private static String summary(Summary s) {
        return object(field("count", String.valueOf(s.count())), field("mean", number(s.mean())), field("median", number(s.median())),
                field("p95", number(s.p95())), field("p99", number(s.p99())), field("min", number(s.min())), field("max", number(s.max())));
    }

    private static String field(String name, String json) {
        return string(name) + ": " + json;
    }

    private static String object(String... fields) {
        return "{" + String.join(", ", fields) + "}";
    }

    private static <T> String array(List<T> items, Function<T, String> toJson) {
        return items.stream().map(toJson).collect(Collectors.joining(", ", "[", "]"));
    }

    static String number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "null" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A JSON string: quotes, backslashes and control characters escaped (RFC 8259). */
    static String string(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
