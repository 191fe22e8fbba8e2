package dev.asyncjavalin.ch09;

import static dev.asyncjavalin.ch09.Harness.everyRowOk;

import dev.asyncjavalin.ch09.Results.Load;
import dev.asyncjavalin.ch09.Results.LoadRow;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.bench.Format;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Part 2 of the benchmark, under load: {@code clientCount} clients at once, each sending requests one
 * after another, one page of a fixed latency per request. Throughput over {@code rounds} latencies of
 * steady load against the ideal (clients / latency), latency percentiles, errors, threads and CPU.
 * The blocking routes run on a pool of {@link Measuring#poolSize} threads.
 */
final class LoadRun {

    private LoadRun() {
    }

    // tag::load[]
    static Load measure(Measuring with, int clientCount, int rounds, Duration latency) {
        double ideal = clientCount / (latency.toNanos() / 1e9);
        Duration window = latency.multipliedBy(rounds);
        with.out().printf("%nPart 2 · under load: %d clients at once, each sending requests one after another; one page of %d ms per request%n",
                clientCount, latency.toMillis());
        with.out().printf("  ideal: clients / latency = %s; blocking routes run on a pool of %d threads%n", Format.perSecond(ideal), with.poolSize());
        List<LoadRow> rows = new ArrayList<>();
        Harness harness = with.harness();
        try (SlowUpstream upstream = SlowUpstream.builder().pages(1).fixedLatency(latency).start()) {
            UpstreamUrls onePage = UpstreamUrls.of(List.of(upstream.url("/recipes/1")));
            // the load generator alone, straight at the upstream: its own ceiling on this machine
            rows.add(harness.loadRow("upstream alone", "", "-", upstream.url("/recipes/1"), clientCount, latency, window, body -> true, Double.NaN));
            for (Model model : Model.runningHere()) {
                RequestThreads threads = model.requestThreads(with.poolSize());
                rows.add(harness.onAppWithPool(onePage, threads, (base, threadsForRequests) -> {
                    boolean blocking = model == Model.SYNC || model == Model.CONCURRENT; // each request holds a thread
                    double bound = blocking ? Saturation.predictedCeiling(threadsForRequests, latency) : Double.NaN;
                    return harness.loadRow(model.label(), model.route(), threads.describe(), base + model.route(), clientCount, latency, window,
                            everyRowOk(1), bound);
                }));
            }
            rows.addAll(with.external().load(upstream, clientCount, latency, window));
        }
        Load load = new Load(clientCount, window.toMillis(), latency.toMillis(), ideal, rows);
        with.tables().print(load);
        return load;
    }
    // end::load[]
}
