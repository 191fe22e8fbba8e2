package dev.asyncjavalin.ch05;

import dev.asyncjavalin.lab.AlertSink;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.bench.BenchmarkMain;
import dev.asyncjavalin.lab.bench.LoadGenerator;
import dev.asyncjavalin.lab.bench.Rounds;
import java.time.Duration;
import java.util.List;

/**
 * What the request log costs, and proof that it loses nothing: many clients call {@code /me}
 * (key lookup in H2, a tiny answer) with the log's after hook left out, with the log on, and with
 * a queue so small that requests must wait for the writer. After each run the app is stopped and
 * the stored records are counted against the answers the clients received.
 *
 * <pre>mvn -pl chapters/05 exec:java@benchmark [-Dexec.args="--clients 32 --requests 500 --rounds 5 --warm-ups 2"]</pre>
 */
public final class Benchmark {

    public static void main(String[] args) throws Exception {
        BenchmarkMain.run(args, line -> run(line.intOption("clients", 32, 1, 1000), line.intOption("requests", 500, 1, 100_000),
                line.intOption("rounds", 5, 1, 20), line.intOption("warm-ups", 2, 0, 20))); // the JIT needs a few runs before numbers settle
    }

    /** One way of running the app. */
    private record Mode(String name, App.Options options) {
    }

    private static void run(int clients, int requests, int rounds, int warmUps) throws Exception {
        try (LoadGenerator http = new LoadGenerator(clients, Duration.ofSeconds(30));
                SlowUpstream upstream = SlowUpstream.start(); AlertSink alerts = AlertSink.start()) {
            App.Options base = App.Options.defaults(alerts.webhookUrl());
            List<Mode> modes = List.of(new Mode("no request log", base.withoutRequestLog()),
                    new Mode("request log, queue 10,000", base),
                    new Mode("request log, queue 16", base.withLogCapacity(16)));
            System.out.printf("%d clients x %d requests of GET /me per run, %d rounds after %d warm-up rounds; %d cores%n%n",
                    clients, requests, rounds, warmUps, Runtime.getRuntime().availableProcessors());
            System.out.printf("%-7s %-27s %10s %26s %17s%n", "round", "mode", "req/s", "stored / answered", "waited for space");
            Rounds.Samples<Mode> perSecond = Rounds.run(warmUps, rounds, (label, samples) -> {
                // every round runs every mode, one after another: a slow moment of the machine hits them all
                for (Mode mode : modes) {
                    RequestLogRun measured = RequestLogRun.measure(upstream, mode.options, http, clients, requests);
                    String stored = mode.options.logRequests() ? measured.stored() + " / " + measured.answered()
                            : "(not logged) / " + measured.answered();
                    if (measured.stored() > measured.answered()) {
                        // OkHttp sends a GET again when its connection breaks: the server then answered it twice
                        stored += "  (+" + (measured.stored() - measured.answered()) + " resent by the client)";
                    }
                    System.out.printf("%-7s %-27s %10.0f %26s %17d%n", label, mode.name, measured.perSecond(), stored,
                            measured.waitedForSpace());
                    if (mode.options.logRequests() && measured.stored() < measured.answered()) {
                        throw new IllegalStateException("LOST RECORDS: " + measured.stored() + " stored for " + measured.answered()
                                + " answered");
                    }
                    samples.add(mode, measured.perSecond());
                }
            });
            double off = perSecond.median(modes.get(0));
            double on = perSecond.median(modes.get(1));
            double small = perSecond.median(modes.get(2));
            System.out.printf("%nmedians: no log %.0f req/s, log %.0f req/s, log with a 16-record queue %.0f req/s%n", off, on, small);
            System.out.printf("log on / log off:        %.2f%n", on / off);
            System.out.printf("16-record queue / off:   %.2f%n", small / off);
            System.out.println("no run stored fewer records than the clients received answers");
        }
    }
}
