package dev.asyncjavalin.ch09;

import static dev.asyncjavalin.ch09.Harness.everyRowOk;
import static dev.asyncjavalin.ch09.Harness.failIfErrors;

import dev.asyncjavalin.ch09.Results.Timing;
import dev.asyncjavalin.ch09.Results.TimingRow;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.bench.LoadGenerator.Run;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Part 1 of the benchmark, the article's timing table: {@code calls} requests one after another to
 * each route, each fetching {@code pages} seeded pages (0.2-1.5 s): mean, median, p95 and the
 * speed-up against sync, beside the bound that overlap allows (the sum of the calls over the slowest).
 */
final class TimingTable {

    private TimingTable() {
    }

    // tag::table[]
    static Timing measure(Measuring with, int calls, int pages) {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(pages).start()) {
            double slowest = upstream.latencies().stream().mapToLong(Duration::toMillis).max().orElse(0);
            double sum = upstream.latencies().stream().mapToLong(Duration::toMillis).sum();
            with.out().printf("%nPart 1 · the article's table: %d requests one after another per route, %d pages each%n", calls, pages);
            with.out().printf("  %s; slowest call %.0f ms, sum %.0f ms, so the bound sum / slowest is %.2fx%n",
                    upstream.describe(), slowest, sum, sum / slowest);
            List<TimingRow> rows = new ArrayList<>();
            for (Model model : Model.runningHere()) {
                AppThreads.Counted<Run> counted = with.harness().onApp(upstream.urls(), model.requestThreads(with.poolSize()),
                        url -> with.harness().sequence(url + model.route(), calls, everyRowOk(pages), model.label()));
                Run run = counted.result();
                Statistics.Summary wall = Statistics.summarize(failIfErrors(run, model.label()).latencyMs());
                double speedup = rows.isEmpty() ? 1.0 : rows.get(0).wall().mean() / wall.mean(); // rows.get(0) is sync
                rows.add(new TimingRow(model.label(), model.route(), run.latencyMs(), wall, speedup, Harness.cpuPercent(run),
                        counted.threads().peak()));
            }
            rows.addAll(with.external().table(upstream, calls, pages));
            Timing timing = new Timing(pages, calls, slowest, sum, rows);
            with.tables().print(timing);
            return timing;
        }
    }
    // end::table[]
}
