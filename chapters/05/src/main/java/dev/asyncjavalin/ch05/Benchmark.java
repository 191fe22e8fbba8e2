package dev.asyncjavalin.ch05;

import dev.asyncjavalin.lab.AlertSink;
import dev.asyncjavalin.lab.CommandLine;
import dev.asyncjavalin.lab.SlowUpstream;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        int clients;
        int requests;
        int rounds;
        int warmUps;
        try {
            CommandLine line = CommandLine.parse(args);
            clients = line.intOption("clients", 32, 1, 1000);
            requests = line.intOption("requests", 500, 1, 100_000);
            rounds = line.intOption("rounds", 5, 1, 20);
            warmUps = line.intOption("warm-ups", 2, 0, 20); // the JIT needs a few runs before numbers settle
        } catch (CommandLine.UsageException e) {
            System.err.println("Cannot run the benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        run(clients, requests, rounds, warmUps);
    }

    /** One way of running the app, and what it measured in each round. */
    private record Mode(String name, App.Options options, List<Double> perSecond) {
    }

    private record Measured(double perSecond, long answered, long stored, long waitedForSpace) {
    }

    private static void run(int clients, int requests, int rounds, int warmUps) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService clientThreads = Executors.newFixedThreadPool(clients);
        try (SlowUpstream upstream = SlowUpstream.start(); AlertSink alerts = AlertSink.start()) {
            App.Options base = App.Options.defaults(alerts.webhookUrl());
            Map<String, Mode> modes = new LinkedHashMap<>();
            for (Mode mode : List.of(
                    new Mode("no request log", base.withoutRequestLog(), new ArrayList<>()),
                    new Mode("request log, queue 10,000", base, new ArrayList<>()),
                    new Mode("request log, queue 16", base.withLogCapacity(16), new ArrayList<>()))) {
                modes.put(mode.name, mode);
            }
            System.out.printf("%d clients x %d requests of GET /me per run, %d rounds after %d warm-up rounds; %d cores%n%n",
                    clients, requests, rounds, warmUps, Runtime.getRuntime().availableProcessors());
            System.out.printf("%-7s %-27s %10s %26s %17s%n", "round", "mode", "req/s", "stored / answered", "waited for space");
            for (int round = 1 - warmUps; round <= rounds; round++) {
                for (Mode mode : modes.values()) { // interleaved, so a slow moment of the machine hits every mode
                    Measured measured = measure(upstream, mode.options.withDatabase(Database.inMemoryUrl("bench-" + UUID.randomUUID())),
                            http, clientThreads, clients, requests);
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
            double off = median(modes.get("no request log").perSecond);
            double on = median(modes.get("request log, queue 10,000").perSecond);
            double small = median(modes.get("request log, queue 16").perSecond);
            System.out.printf("%nmedians: no log %.0f req/s, log %.0f req/s, log with a 16-record queue %.0f req/s%n", off, on, small);
            System.out.printf("log on / log off:        %.2f%n", on / off);
            System.out.printf("16-record queue / off:   %.2f%n", small / off);
            System.out.println("no run stored fewer records than the clients received answers");
        } finally {
            clientThreads.shutdownNow();
        }
    }

    private static Measured measure(SlowUpstream upstream, App.Options options, HttpClient http, ExecutorService clientThreads,
            int clients, int requests) throws Exception {
        Javalin app = App.create(upstream.urls(), options).start("localhost", 0);
        String base = "http://localhost:" + app.port();
        HttpRequest me = HttpRequest.newBuilder(URI.create(base + "/me")).header(ApiKeyAuth.HEADER, Users.ALICE_KEY)
                .timeout(Duration.ofSeconds(30)).build();
        AtomicLong answered = new AtomicLong();
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(clientThreads.submit(() -> {
                for (int i = 0; i < requests; i++) {
                    send(http, me); // every answer counts, whatever its status: each one must have its record
                    answered.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long waited = 0;
        if (options.logRequests()) {
            HttpRequest log = HttpRequest.newBuilder(URI.create(base + "/requests")).header(ApiKeyAuth.HEADER, Users.ALICE_KEY).build();
            Matcher matcher = WAITED.matcher(send(http, log).body());
            waited = matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
            answered.incrementAndGet(); // the /requests page is logged too
        }
        app.stop(); // drains the log
        return new Measured(answered.get() / seconds, answered.get(), options.logRequests() ? storedRecords(options.databaseUrl()) : 0, waited);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long storedRecords(String database) throws SQLException {
        try (Database stopped = Database.open(database)) { // the app is gone; its in-memory data is not
            return new RequestLogTable(stopped).count();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
