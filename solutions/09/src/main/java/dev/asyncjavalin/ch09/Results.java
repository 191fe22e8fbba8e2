package dev.asyncjavalin.ch09;

import dev.asyncjavalin.ch09.Saturation.LoadPoint;
import dev.asyncjavalin.ch09.Statistics.Summary;
import java.util.List;
import java.util.Optional;

/**
 * Everything one benchmark run measured, as plain values: what the CSV, the JSON and the HTML
 * report are written from. A part that did not run is empty; a number that could not be computed
 * (an unsolved exercise) is {@code NaN}.
 *
 * @param measuredAt  when the run started (ISO-8601)
 * @param jdk         {@code Runtime.version()}
 * @param cores       {@code Runtime.availableProcessors()}
 * @param loadAverage the system's load average before the run; above the core count, other programs compete
 * @param notes       one line each: what was skipped, and why
 */
public record Results(String measuredAt, String jdk, int cores, double loadAverage,
        Optional<Timing> timing, Optional<Load> load, Optional<Sweep> sweep, List<String> notes) {

    /**
     * The article's table: {@code calls} requests, one after another, to each model's route; every
     * request fetches {@code pages} pages from the seeded upstream.
     *
     * @param slowestCallMs the slowest page's latency: the least that overlapping all calls can cost
     * @param sumOfCallsMs  all the pages' latencies added up: what one after another costs
     */
    public record Timing(int pages, int calls, double slowestCallMs, double sumOfCallsMs, List<TimingRow> rows) {

        /** sum / slowest: the most that overlapping the calls can gain, whatever the model. */
        public double bound() {
            return sumOfCallsMs / slowestCallMs;
        }
    }

    /**
     * One model's row of the table.
     *
     * @param wallMs  each request's wall time as the client saw it, in order
     * @param speedup    the sync model's mean divided by this one's
     * @param cpuPercent this JVM's CPU time during the requests, as a share of all cores
     * @param appThreads the app's live platform threads at the most during the requests (see {@link AppThreads})
     */
    public record TimingRow(String model, String route, List<Double> wallMs, Summary wall, double speedup, double cpuPercent,
            int appThreads) {

        /** Mean wall time in slowest calls: 1.00 would be no overhead at all. */
        public double perSlowestCall(Timing timing) {
            return wall.mean() / timing.slowestCallMs();
        }
    }

    /**
     * Many clients at once: each keeps one connection and sends requests one after another; each
     * request fetches one page of a fixed {@code latencyMs}. Throughput is counted over a window
     * of {@code windowMs} that opens once the first answers are in.
     *
     * @param ideal clients / latency: every client gets an answer per latency, nobody waits for a thread
     */
    public record Load(int clients, double windowMs, double latencyMs, double ideal, List<LoadRow> rows) {
    }

    /**
     * One line of the load run.
     *
     * @param served     who answered, e.g. "async (ctx.future)" or "upstream alone"
     * @param threads    which request threads the app had
     * @param throughput answers per second over the steady part (see {@link dev.asyncjavalin.lab.bench.LoadGenerator#load})
     * @param latencyMs  every request's latency as its client saw it
     * @param bound      the most this route can do, when something other than latency limits it (NaN: nothing)
     * @param cpuPercent this JVM's CPU time during the run, as a share of all cores (server, upstream and clients together)
     * @param appThreads     the app's live platform threads at the most in the steady part (see {@link AppThreads})
     * @param threadsStarted platform threads this JVM started in the steady part
     */
    public record LoadRow(String served, String route, String threads, double throughput, Summary latencyMs,
            int answers, int errors, String firstError, double bound, double cpuPercent, int appThreads, long threadsStarted) {

        public double ofIdeal(Load load) {
            return throughput / load.ideal();
        }
    }

    /**
     * The blocking route at growing numbers of clients, with a small pool, to find its ceiling.
     *
     * @param threadsForRequests the pool's threads minus the ones Jetty keeps for itself
     * @param predicted          threadsForRequests / latency
     * @param knee               where it saturated (exercise 9.2); empty if unknown
     * @param kneeNote           why the knee is empty, or ""
     */
    public record Sweep(String route, int poolSize, int threadsForRequests, double latencyMs, double predicted,
            List<LoadPoint> points, Optional<LoadPoint> knee, String kneeNote) {
    }
}
