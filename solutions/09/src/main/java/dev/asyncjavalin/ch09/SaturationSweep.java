package dev.asyncjavalin.ch09;

import static dev.asyncjavalin.ch09.Harness.everyRowOk;
import static dev.asyncjavalin.ch09.Harness.failIfErrors;

import dev.asyncjavalin.ch09.Results.Sweep;
import dev.asyncjavalin.ch09.Saturation.LoadPoint;
import dev.asyncjavalin.lab.ExerciseNotSolved;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.bench.LoadGenerator.Run;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Part 3 of the benchmark: the blocking route on a small pool at growing numbers of clients, to find
 * where it saturates (exercise 9.2) and compare that with the ceiling the pool predicts.
 */
final class SaturationSweep {

    static final int POOL = 24;
    static final Duration LATENCY = Duration.ofMillis(200);
    static final List<Integer> CLIENTS = List.of(5, 10, 20, 40, 80);
    static final int ROUNDS = 10;

    private SaturationSweep() {
    }

    // tag::sweep[]
    static Sweep measure(Measuring with) {
        with.out().printf("%nPart 3 · where the blocking route saturates: %s on a pool of %d threads, one page of %d ms per request%n",
                Model.SYNC.route(), POOL, LATENCY.toMillis());
        Harness harness = with.harness();
        try (SlowUpstream upstream = SlowUpstream.builder().pages(1).fixedLatency(LATENCY).start()) {
            UpstreamUrls onePage = UpstreamUrls.of(List.of(upstream.url("/recipes/1")));
            return harness.onAppWithPool(onePage, RequestThreads.pool(POOL), (base, threadsForRequests) -> {
                String url = base + Model.SYNC.route();
                int most = CLIENTS.get(CLIENTS.size() - 1);
                harness.warmUp(url, most, LATENCY, everyRowOk(1), most + " clients");
                List<LoadPoint> points = new ArrayList<>();
                for (int clientCount : CLIENTS) {
                    Run run = harness.measure(url, clientCount, LATENCY, LATENCY.multipliedBy(ROUNDS), everyRowOk(1),
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
                Sweep sweep = new Sweep(Model.SYNC.route(), POOL, threadsForRequests, LATENCY.toMillis(),
                        Saturation.predictedCeiling(threadsForRequests, LATENCY), points, knee, kneeNote);
                with.tables().print(sweep);
                return sweep;
            });
        }
    }
    // end::sweep[]
}
