package dev.asyncjavalin.reliability;

import dev.asyncjavalin.lab.AlertSink;
import dev.asyncjavalin.lab.DaemonThreads;
import dev.asyncjavalin.lab.SlowUpstream;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chapter 05's request log across a stop under load and a restart: clients keep sending while the
 * app stops; a second app opens the same database file and takes more requests; then the file is
 * read. Every request the app answered carries an id the campaign chose ({@code X-Request-Id}),
 * so "lost" is exact: answered ids with no row.
 */
final class RequestLogAcrossRestart {

    /** Per client, at most: the load is bounded in count as well as in time. */
    private static final int MAX_REQUESTS_PER_CLIENT = 500;
    private static final Duration MAX_LOAD_TIME = Duration.ofSeconds(30);

    /** What the run saw. */
    /**
     * The lab's answer to a request that arrives once the stop has begun: 503 with {@code Connection:
     * close}, before any hook runs. A polite refusal of work never accepted, so neither a server
     * error nor a request the log owes a row.
     */
    static boolean refusedByTheStop(RawHttp.Answer answer) {
        return answer.status() == 503 && answer.body().contains("this request was not started");
    }

    record Outcome(int answeredBeforeStop, int answeredAfterRestart, long lost, int serverErrorsAtStop, long stored) {
    }

    private RequestLogAcrossRestart() {
    }

    static List<Figure> run(int clients, int requestsAfterRestart, Path dataDir) throws Exception {
        Outcome outcome = measure(clients, requestsAfterRestart, dataDir);
        int answered = outcome.answeredBeforeStop() + outcome.answeredAfterRestart();
        return List.of(
                Figure.none("ch05 request-log rows lost across stop + restart", outcome.lost(), String.format(
                        "%,d answered: %,d by the first app, under load of %d clients while it stopped, %,d after the restart; %,d rows stored",
                        answered, outcome.answeredBeforeStop(), clients, outcome.answeredAfterRestart(), outcome.stored())),
                Figure.none("ch05 5xx to accepted requests while stopping", outcome.serverErrorsAtStop(),
                        clients + " clients sending while app.stop() ran; a 503 refusing a request the stop never started is not counted"));
    }

    static Outcome measure(int clients, int requestsAfterRestart, Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("ch05-request-log-" + System.currentTimeMillis());
        // the URL chapter 05's main uses (Database.fileUrl): H2 must not close the file on its own at exit
        String jdbcUrl = "jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        String key = Apps.chapter05Key();
        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicInteger serverErrors = new AtomicInteger();
        int beforeStop;
        try (SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ofMillis(100)).start();
                AlertSink alerts = AlertSink.start()) {
            // first life: load, and a stop in the middle of it
            Javalin first = Apps.chapter05(upstream.urls(), alerts.webhookUrl(), jdbcUrl);
            int port = first.port();
            ExecutorService clientThreads = Executors.newFixedThreadPool(clients, DaemonThreads.named("log-client"));
            AtomicLong sent = new AtomicLong();
            List<Future<?>> running = new ArrayList<>();
            long loadEnds = System.nanoTime() + MAX_LOAD_TIME.toNanos();
            for (int client = 0; client < clients; client++) {
                int me = client;
                running.add(clientThreads.submit(() -> {
                    for (int i = 0; i < MAX_REQUESTS_PER_CLIENT && System.nanoTime() < loadEnds; i++) {
                        sent.incrementAndGet();
                        String id = "first-" + me + "-" + i;
                        // one in four in flight for 100 ms at the upstream: the stop finds requests mid-way
                        String path = i % 4 == 0 ? "/recipe/1" : "/me";
                        RawHttp.Answer answer = RawHttp.send(port, "GET", path, List.of("X-Api-Key: " + key, "X-Request-Id: " + id),
                                Duration.ofSeconds(20));
                        if (!answer.answered() || refusedByTheStop(answer)) {
                            return; // refused or closed: the app has stopped taking requests, and logs none
                        }
                        answered.add(id);
                        if (answer.status() >= 500) {
                            serverErrors.incrementAndGet();
                        }
                    }
                }));
            }
            // stop once every client is in full swing: a few requests each
            long waitUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (answered.size() < clients * 3 && System.nanoTime() < waitUntil) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            first.stop();
            for (Future<?> client : running) {
                client.get(MAX_LOAD_TIME.toSeconds() + 30, TimeUnit.SECONDS);
            }
            clientThreads.shutdownNow();
            beforeStop = answered.size();

            // second life: the same file, more requests
            Javalin second = Apps.chapter05(upstream.urls(), alerts.webhookUrl(), jdbcUrl);
            try {
                for (int i = 0; i < requestsAfterRestart; i++) {
                    String id = "second-" + i;
                    RawHttp.Answer answer = RawHttp.send(second.port(), "GET", "/me", List.of("X-Api-Key: " + key, "X-Request-Id: " + id),
                            Duration.ofSeconds(10));
                    if (answer.answered()) {
                        answered.add(id);
                    }
                }
            } finally {
                second.stop();
            }
        }
        Set<String> stored = storedIds(jdbcUrl);
        // one file per run: the next run starts from an empty log
        Files.deleteIfExists(Path.of(file + ".mv.db"));
        Files.deleteIfExists(Path.of(file + ".trace.db"));
        long lost = answered.stream().filter(id -> !stored.contains(id)).count();
        return new Outcome(beforeStop, answered.size() - beforeStop, lost, serverErrors.get(), stored.size());
    }

    /** Every request id in the log, read after both apps have closed the file. */
    private static Set<String> storedIds(String jdbcUrl) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "");
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT request_id FROM request_log")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
