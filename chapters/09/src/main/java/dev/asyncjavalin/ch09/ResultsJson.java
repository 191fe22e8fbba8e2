package dev.asyncjavalin.ch09;

import static dev.asyncjavalin.lab.bench.Json.number;

import dev.asyncjavalin.ch09.Results.LoadRow;
import dev.asyncjavalin.ch09.Results.TimingRow;
import dev.asyncjavalin.ch09.Saturation.LoadPoint;
import dev.asyncjavalin.ch09.Statistics.Summary;
import dev.asyncjavalin.lab.bench.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The results as JSON, for other programs, written with Jackson (escaping is its job). A number
 * that could not be computed is {@code null}: JSON has no NaN. A part that did not run is null.
 */
final class ResultsJson {

    private ResultsJson() {
    }

    // tag::write[]
    static String write(Results results) {
        ObjectNode json = Json.object().put("measuredAt", results.measuredAt()).put("jdk", results.jdk()).put("cores", results.cores());
        json.set("loadAverageBefore", number(results.loadAverage()));
        json.set("timing", results.timing().map(timing -> {
            ObjectNode part = Json.object().put("pages", timing.pages()).put("calls", timing.calls());
            part.set("slowestCallMs", number(timing.slowestCallMs()));
            part.set("sumOfCallsMs", number(timing.sumOfCallsMs()));
            part.set("bound", number(timing.bound()));
            timing.rows().forEach(row -> part.withArray("rows").add(timingRow(row)));
            return part;
        }).orElse(null));
        json.set("load", results.load().map(load -> {
            ObjectNode part = Json.object().put("clients", load.clients());
            part.set("windowMs", number(load.windowMs()));
            part.set("latencyMs", number(load.latencyMs()));
            part.set("idealPerSecond", number(load.ideal()));
            load.rows().forEach(row -> part.withArray("rows").add(loadRow(row)));
            return part;
        }).orElse(null));
        json.set("sweep", results.sweep().map(sweep -> {
            ObjectNode part = Json.object().put("route", sweep.route()).put("poolSize", sweep.poolSize())
                    .put("threadsForRequests", sweep.threadsForRequests());
            part.set("latencyMs", number(sweep.latencyMs()));
            part.set("predictedPerSecond", number(sweep.predicted()));
            sweep.points().forEach(point -> part.withArray("points").add(point(point)));
            part.set("knee", sweep.knee().map(ResultsJson::point).orElse(null));
            return part;
        }).orElse(null));
        results.notes().forEach(json.putArray("notes")::add);
        return Json.write(json);
    }
    // end::write[]

    private static ObjectNode timingRow(TimingRow row) {
        ObjectNode json = Json.object().put("model", row.model()).put("route", row.route());
        row.wallMs().forEach(ms -> json.withArray("wallMs").add(number(ms)));
        json.set("summary", summary(row.wall()));
        json.set("speedupVsSync", number(row.speedup()));
        json.set("cpuPercent", number(row.cpuPercent()));
        return json.set("appThreads", Json.count(row.appThreads()));
    }

    private static ObjectNode loadRow(LoadRow row) {
        ObjectNode json = Json.object().put("served", row.served()).put("route", row.route()).put("threads", row.threads());
        json.set("throughputPerSecond", number(row.throughput()));
        json.set("latencyMs", summary(row.latencyMs()));
        json.put("answers", row.answers()).put("errors", row.errors()).put("firstError", row.firstError());
        json.set("boundPerSecond", number(row.bound()));
        json.set("cpuPercent", number(row.cpuPercent()));
        json.set("appThreads", Json.count(row.appThreads()));
        return json.set("threadsStarted", Json.count(row.threadsStarted()));
    }

    private static ObjectNode point(LoadPoint point) {
        return Json.object().put("clients", point.clients()).set("throughputPerSecond", number(point.throughput()));
    }

    private static ObjectNode summary(Summary s) {
        ObjectNode json = Json.object().put("count", s.count());
        json.set("mean", number(s.mean()));
        json.set("median", number(s.median()));
        json.set("p95", number(s.p95()));
        json.set("p99", number(s.p99()));
        json.set("min", number(s.min()));
        return json.set("max", number(s.max()));
    }
}
