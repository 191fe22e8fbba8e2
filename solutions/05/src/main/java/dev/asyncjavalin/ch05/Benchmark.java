package dev.asyncjavalin.ch05;

import dev.asyncjavalin.lab.AlertSink;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.bench.BenchmarkMain;
import dev.asyncjavalin.lab.bench.LoadGenerator;
import dev.asyncjavalin.lab.bench.LoadGenerator.Run;
import dev.asyncjavalin.lab.bench.Progress;
import dev.asyncjavalin.lab.bench.Stats;
import io.javalin.Javalin;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Request;

/**
 * What the request log costs, and proof that it loses nothing: many clients call {@code /me}
 * (key lookup in H2, a tiny answer) with the log's after hook left out, with the log on, and with
 * a queue so small that requests must wait for the writer. After each run the app is stopped and
 * the stored records are counted against the answers the clients received.
 *
 * <pre>mvn -pl chapters/05 exec:java@benchmark [-Dexec.args="--clients 32 --requests 500 --rounds 5 --warm-ups 2"]</pre>
 */
public final class Benchmark {

    private static final Pattern WAITED = Pattern.compile("data-waited=\"(\\d+)\"");

    public static void main(String[] args) throws Exception {
        BenchmarkMain.run(args, line -> run(line.intOption("clients", 32, 1, 1000), line.intOption("requests", 500, 1, 100_000),
                line.intOption("rounds", 5, 1, 20), line.intOption("warm-ups", 2, 0, 20))); // the JIT needs a few runs before numbers settle
    }

    /** One way of running the app, and what it measured in each round. */
    private record Mode(String name, App.Options options, List<Double> perSecond) {
    }

    private record Measured(double perSecond, long answered, long stored, long waitedForSpace) {
    }

    private static void run(int clients, int requests, int rounds, int warmUps) throws SQLException {
        try (LoadGenerator http = new LoadGenerator(clients, Duration.ofSeconds(30));
                SlowUpstream upstream = SlowUpstream.start(); AlertSink alerts = AlertSink.start()) {
            App.Options base = App.Options.defaults(alerts.webhookUrl());
            List<Mode> modes = List.of(new Mode("no request log", base.withoutRequestLog(), new ArrayList<>()),
                    new Mode("request log, queue 10,000", base, new ArrayList<>()),
                    new Mode("request log, queue 16", base.withLogCapacity(16), new ArrayList<>()));
            System.out.printf("%d clients x %d requests of GET /me per run, %d rounds after %d warm-up rounds; %d cores%n%n",
                    clients, requests, rounds, warmUps, Runtime.getRuntime().availableProcessors());
            System.out.printf("%-7s %-27s %10s %26s %17s%n", "round", "mode", "req/s", "stored / answered", "waited for space");
            for (int round = 1 - warmUps; round <= rounds; round++) {
                for (Mode mode : modes) { // interleaved, so a slow moment of the machine hits every mode
                    Measured measured = measure(upstream, mode.options.withDatabase(Database.inMemoryUrl("bench-" + UUID.randomUUID())),
                            http, clients, requests);
                    String label = round <= 0 ? "warm-up" : String.valueOf(round);
                    String stored = mode.options.logRequests() ? measured.stored + " / " + measured.answered : "(not logged) / " + measured.answered;
                    if (measured.stored > measured.answered) {
                        // the JDK client sends a GET again when its connection breaks: the server then answered it twice
                        stored += "  (+" + (measured.stored - measured.answered) + " resent by the client)";
                    }
                    System.out.printf("%-7s %-27s %10.0f %26s %17d%n", label, mode.name, measured.perSecond, stored, measured.waitedForSpace);
                    if (mode.options.logRequests() && measured.stored < measured.answered) {
                        throw new IllegalStateException("LOST RECORDS: " + measured.stored + " stored for " + measured.answered + " answered");
                    }
                    if (round > 0) {
                        mode.perSecond.add(measured.perSecond);
                    }
                }
            }
            double off = Stats.median(modes.get(0).perSecond);
            double on = Stats.median(modes.get(1).perSecond);
            double small = Stats.median(modes.get(2).perSecond);
            System.out.printf("%nmedians: no log %.0f req/s, log %.0f req/s, log with a 16-record queue %.0f req/s%n", off, on, small);
            System.out.printf("log on / log off:        %.2f%n", on / off);
            System.out.printf("16-record queue / off:   %.2f%n", small / off);
            System.out.println("no run stored fewer records than the clients received answers");
        }
    }

    private static Measured measure(SlowUpstream upstream, App.Options options, LoadGenerator http, int clients, int requests)
            throws SQLException {
        Javalin app = App.create(upstream.urls(), options).start("localhost", 0);
        String base = "http://localhost:" + app.port();
        Request me = new Request.Builder().url(base + "/me").header(ApiKeyAuth.HEADER, Users.ALICE_KEY).build();
        // every answer counts, whatever its status: each one must have its record
        Run run = http.requests(me, clients, requests, page -> true, Progress.silent());
        long answered = run.answered();
        long waited = 0;
        if (options.logRequests()) {
            Request log = new Request.Builder().url(base + "/requests").header(ApiKeyAuth.HEADER, Users.ALICE_KEY).build();
            Matcher matcher = WAITED.matcher(http.get(log));
            waited = matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
            answered++; // the /requests page is logged too
        }
        http.closeConnections();
        app.stop(); // drains the log
        return new Measured(run.answered() / (run.wall().toNanos() / 1e9), answered,
                options.logRequests() ? storedRecords(options.databaseUrl()) : 0, waited);
    }

    private static long storedRecords(String database) throws SQLException {
        try (Database stopped = Database.open(database)) { // the app is gone; its in-memory data is not
            return new RequestLogTable(stopped).count();
        }
    }
}
