package dev.asyncjavalin.ch05;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.bench.LoadGenerator;
import dev.asyncjavalin.lab.bench.LoadGenerator.Run;
import dev.asyncjavalin.lab.bench.Progress;
import io.javalin.Javalin;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Request;

/**
 * One run of the {@link Benchmark}: a fresh app with a fresh in-memory database, every client calling
 * {@code /me}, then the app stopped (which drains the request log) and the records it stored counted.
 *
 * @param perSecond      answers per second, from the first request sent to the last answer
 * @param answered       the answers the clients received, plus the {@code /requests} page read after
 *                       the load (the log records that one too)
 * @param stored         the records in the database once the app has stopped; 0 without the log
 * @param waitedForSpace the requests that found the log's queue full and waited for the writer
 *                       (backpressure); -1 when the {@code /requests} page did not say
 */
record RequestLogRun(double perSecond, long answered, long stored, long waitedForSpace) {

    private static final Pattern WAITED = Pattern.compile("data-waited=\"(\\d+)\"");

    static RequestLogRun measure(SlowUpstream upstream, App.Options mode, LoadGenerator http, int clients, int requests)
            throws SQLException {
        App.Options options = mode.withDatabase(Database.inMemoryUrl("bench-" + UUID.randomUUID()));
        Javalin app = App.create(upstream.urls(), options).start("localhost", 0);
        // onApp stops the app when the load is done, or has failed; stopping drains the log
        RequestLogRun served = http.onApp(app, base -> {
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
            return new RequestLogRun(run.answered() / (run.wall().toNanos() / 1e9), answered, 0, waited);
        });
        return options.logRequests()
                ? new RequestLogRun(served.perSecond(), served.answered(), storedRecords(options.databaseUrl()), served.waitedForSpace())
                : served;
    }

    private static long storedRecords(String database) throws SQLException {
        try (Database stopped = Database.open(database)) { // the app is gone; its in-memory data is not
            return new RequestLogTable(stopped).count();
        }
    }
}
