package dev.asyncjavalin.ch09;

import static dev.asyncjavalin.ch09.Harness.everyRowOk;
import static dev.asyncjavalin.ch09.Harness.failIfErrors;

import dev.asyncjavalin.ch09.ExternalServer.Route;
import dev.asyncjavalin.ch09.Results.LoadRow;
import dev.asyncjavalin.ch09.Results.TimingRow;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.bench.LoadGenerator.Run;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of servers outside this JVM, in the benchmark's table and load parts: each route on a
 * freshly started server (as every model gets a fresh app), on the part's own upstream, measured by
 * URL by the same clients as the models.
 */
final class ExternalRows {

    private final Harness harness;
    private final List<ExternalServer> servers;

    /** A thread count of another process, which this JVM does not see. */
    private static final int NOT_MEASURED = -1;

    ExternalRows(Harness harness, List<ExternalServer> servers) {
        this.harness = harness;
        this.servers = List.copyOf(servers);
    }

    /** One line per server, for the report's notes. */
    List<String> notes() {
        return servers.stream().map(ExternalServer::describe).toList();
    }

    // tag::table[]
    /** {@code calls} requests one after another per route; "vs sync" is against the server's own first route. */
    List<TimingRow> table(SlowUpstream upstream, int calls, int pages) {
        List<TimingRow> rows = new ArrayList<>();
        for (ExternalServer server : servers) {
            List<TimingRow> own = new ArrayList<>();
            for (Route route : server.routes()) {
                Run run = harness.onExternal(server, upstream, base -> harness.sequence(base + route.path(), calls, everyRowOk(pages), route.label()).result());
                Statistics.Summary wall = Statistics.summarize(failIfErrors(run, route.label()).latencyMs());
                double speedup = own.isEmpty() ? 1.0 : own.get(0).wall().mean() / wall.mean();
                // its CPU and threads are another process's: not measured here (n/a), rather than this JVM's
                own.add(new TimingRow(route.label(), route.path(), run.latencyMs(), wall, speedup, Double.NaN, NOT_MEASURED));
            }
            rows.addAll(own);
        }
        return rows;
    }
    // end::table[]

    // tag::load[]
    /** Each route under the same load as the models; its CPU column adds the server's processes to this JVM. */
    List<LoadRow> load(SlowUpstream upstream, int clientCount, Duration latency, Duration window) {
        List<LoadRow> rows = new ArrayList<>();
        for (ExternalServer server : servers) {
            double bound = server.threadsForRequests() > 0 ? Saturation.predictedCeiling(server.threadsForRequests(), latency) : Double.NaN;
            for (Route route : server.routes()) {
                LoadRow row = harness.onExternal(server, upstream, (base, running) -> harness.loadRow(route.label(), route.path(), server.threads(),
                        base + route.path(), clientCount, latency, window, everyRowOk(1), bound, running::cpuNanos));
                // the threads counted are this JVM's; the server's are in its own processes, not counted
                rows.add(new LoadRow(row.served(), row.route(), row.threads(), row.throughput(), row.latencyMs(), row.answers(),
                        row.errors(), row.firstError(), row.bound(), row.cpuPercent(), NOT_MEASURED, NOT_MEASURED));
            }
        }
        return rows;
    }
    // end::load[]
}
