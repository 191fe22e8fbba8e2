package dev.asyncjavalin.ch05;

import dev.asyncjavalin.ch05.ApiKeyAuth.Access;
import dev.asyncjavalin.lab.AlertSink;
import dev.asyncjavalin.lab.Lab;
import dev.asyncjavalin.lab.Launcher;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UnauthorizedResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chapter 05: the aggregator grows hooks around its routes (who is calling, how long it took, a
 * log line for every request) and error handlers that answer with a friendly page and tell the
 * team, without making anyone wait for the telling.
 */
public final class App {

    static final Map<String, String> ROUTES = new LinkedHashMap<>();
    private static final String KEY = "?" + ApiKeyAuth.QUERY_PARAMETER + "=" + Users.ALICE_KEY;

    static {
        ROUTES.put("/", "this page (public)");
        ROUTES.put("/async_get_urls", "without a key: the friendly 401 page");
        ROUTES.put("/async_get_urls" + KEY, "every page at once, as alice");
        ROUTES.put("/recipe/3" + KEY, "one page");
        ROUTES.put("/recipe/3" + KEY + "&set=faults", "an upstream that never answers: the friendly 502 page");
        ROUTES.put("/boom" + KEY, "a bug: the friendly 500 page, and an alert to the team");
        ROUTES.put("/me" + KEY, "who the before hook says you are");
        ROUTES.put("/requests" + KEY, "the request log, read back from the database");
    }

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    /** Our own upstream: no reason to queue calls behind OkHttp's polite default of 5 per host. */
    static final int MAX_CALLS = 256;

    /**
     * What the app connects to and how its request log behaves.
     *
     * @param databaseUrl  JDBC URL of the database holding users and the request log
     * @param alertWebhook where alerts are POSTed
     * @param logCapacity  how many records the request log queues before requests wait for it
     * @param logRequests  false leaves the request log's after hook out (the benchmark's baseline)
     */
    public record Options(String databaseUrl, String alertWebhook, int logCapacity, boolean logRequests) {

        /**
         * A fresh in-memory database of its own, a 10,000-record queue, the request log on: what the
         * tests use. {@link #main} keeps the log in a file instead ({@link Database#fileUrl}).
         */
        public static Options defaults(String alertWebhook) {
            return new Options(Database.inMemoryUrl("ch05-" + UUID.randomUUID()), alertWebhook, 10_000, true);
        }

        public Options withDatabase(String url) {
            return new Options(url, alertWebhook, logCapacity, logRequests);
        }

        public Options withLogCapacity(int capacity) {
            return new Options(databaseUrl, alertWebhook, capacity, logRequests);
        }

        public Options withoutRequestLog() {
            return new Options(databaseUrl, alertWebhook, logCapacity, false);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    private static final String FAILURE = "failure";

    private final UpstreamUrls upstream;
    private final PageClient pages;
    private final RequestLog requestLog;
    private final RequestLogTable requestLogTable;
    private final WebhookAlerts alerts;

    private App(UpstreamUrls upstream, PageClient pages, RequestLog requestLog, RequestLogTable requestLogTable, WebhookAlerts alerts) {
        this.upstream = upstream;
        this.pages = pages;
        this.requestLog = requestLog;
        this.requestLogTable = requestLogTable;
        this.alerts = alerts;
    }

    public static Javalin create(UpstreamUrls upstream, Options options) {
        return create(upstream, options, MAX_CALLS);
    }

    // tag::create[]
    /** {@code maxCalls}: page fetches at once (a test makes it small, to see who would wait behind whom). */
    static Javalin create(UpstreamUrls upstream, Options options, int maxCalls) {
        Database database = Database.open(options.databaseUrl());
        Users users = new Users(database);
        PageClient pages = PageClient.create(maxCalls, maxCalls);
        RequestLogTable requestLogTable = new RequestLogTable(database);
        RequestLog requestLog = new RequestLog(options.logCapacity(), requestLogTable);
        WebhookAlerts alerts = WebhookAlerts.sharingConnectionsWith(pages.okHttp(), options.alertWebhook());
        ApiKeyAuth auth = new ApiKeyAuth(users);
        App app = new App(upstream, pages, requestLog, requestLogTable, alerts);

        return Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.ch05.templates");
            // hooks, in the order they run
            config.routes.before(RequestTiming::start);
            config.routes.beforeMatched(auth::identify);
            config.routes.get("/", App::home);
            config.routes.get("/async_get_urls", app::asyncGetUrls, Access.USER);
            config.routes.get("/recipe/{page}", app::recipe, Access.USER);
            config.routes.get("/boom", App::boom, Access.USER);
            config.routes.get("/me", App::me, Access.USER);
            config.routes.get("/requests", app::requests, Access.USER);
            config.routes.after(RequestTiming::finish);
            config.routes.after(ApiKeyAuth::keepPrivate);
            if (options.logRequests()) {
                config.routes.after(app::logRequest);
            }
            // what a failed request turns into
            config.routes.exception(UnauthorizedResponse.class, App::unauthorized);
            config.routes.exception(UpstreamFailure.class, App::badGateway);
            config.routes.exception(Exception.class, App::bug);
            config.routes.error(500, app::serverError);
            config.routes.error(404, App::notFound);
            // Jetty has let every in-flight request finish (and its after hooks run) before this
            Runnable closeAll = () -> {
                requestLog.close(); // stores every record still queued
                alerts.close();
                pages.close();
                database.close(); // last: the log has stopped writing to it
            };
            config.events.serverStopped(closeAll::run);
            // a stop that outlasts Lab.STOP_TIMEOUT fails instead of stopping: drain and close all the same
            config.events.serverStopFailed(closeAll::run);
        });
    }
    // end::create[]

    // tag::asyncGetUrls[]
    private void asyncGetUrls(Context ctx) {
        List<String> urls = upstream.select(ctx.queryParam("set"));
        long started = System.nanoTime();
        List<CompletableFuture<PageResult>> calls = urls.stream().map(url -> pages.fetch(url, CALL_TIMEOUT)).toList();
        // the request thread returns now; the after hooks run once this future completes
        ctx.future(() -> CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .thenRun(() -> renderUrls(ctx, "Every page, all at once", calls.stream().map(CompletableFuture::join).toList(), started)));
    }
    // end::asyncGetUrls[]

    // tag::recipe[]
    private void recipe(Context ctx) {
        String url = pageUrl(upstream.select(ctx.queryParam("set")), ctx.pathParam("page"));
        long started = System.nanoTime();
        ctx.future(() -> pages.fetch(url, CALL_TIMEOUT).thenAccept(result -> {
            if (!result.ok()) {
                throw new UpstreamFailure(result); // reaches the exception handler like any other exception
            }
            renderUrls(ctx, "One page", List.of(result), started);
        }));
    }
    // end::recipe[]

    private static String pageUrl(List<String> urls, String page) {
        try {
            int number = Lab.wholeNumber(page); // Integer.parseInt also takes "+5" and "５"
            if (number >= 1 && number <= urls.size()) {
                return urls.get(number - 1);
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new BadRequestResponse("The page number must be from 1 to " + urls.size() + ", got '" + page + "'");
    }

    private static void boom(Context ctx) {
        throw new IllegalStateException("simulated bug: the recipe counter went negative");
    }

    private static void me(Context ctx) {
        ctx.result("Signed in as " + ApiKeyAuth.user(ctx).name() + " (request " + RequestTiming.requestId(ctx) + ")\n");
    }

    private void requests(Context ctx) throws SQLException {
        ctx.render("requests.jte", Map.of(
                "records", requestLogTable.latest(20),
                "stored", requestLogTable.count(),
                "waitedForSpace", requestLog.waitedForSpace(),
                "capacity", requestLog.capacity()));
    }

    // tag::logRequest[]
    private void logRequest(Context ctx) throws InterruptedException {
        User user = ApiKeyAuth.user(ctx);
        requestLog.record(new RequestRecord(Instant.now(), RequestTiming.requestId(ctx), ctx.method().name(), ctx.path(),
                ctx.statusCode(), RequestTiming.elapsed(ctx), user == null ? null : user.name()));
    }
    // end::logRequest[]

    // tag::errors[]
    private static void unauthorized(UnauthorizedResponse e, Context ctx) {
        problemPage(ctx, 401, "Who are you?", e.getMessage() + " The home page lists the demo keys.");
    }

    private static void badGateway(UpstreamFailure e, Context ctx) {
        problemPage(ctx, 502, "The recipe site let us down",
                "We asked the recipe site for your page and got: " + e.what() + ". Please try again in a moment.");
    }

    private static void bug(Exception e, Context ctx) {
        if (e instanceof HttpResponseException answer) { // 400 and friends: Javalin's own answer is right
            ctx.status(answer.getStatus()).result(answer.getMessage());
            return;
        }
        LOG.error("request {} failed", RequestTiming.requestId(ctx), e); // the stack trace goes to the log, never to the page
        ctx.attribute(FAILURE, e);
        ctx.status(500); // the error(500) handler takes it from here
    }

    /** Every 500, whether an exception or a handler set it: a friendly page, and the team hears of it. */
    private void serverError(Context ctx) {
        Exception failure = ctx.attribute(FAILURE);
        String problem = failure == null ? "status 500 without an exception" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        alerts.post(new Alert(RequestTiming.requestId(ctx), ctx.method().name(), ctx.path(), problem));
        problemPage(ctx, 500, "Something broke on our side",
                "It is not your fault, and the team has been told. If you write to us, quote the request id below.");
    }
    // end::errors[]

    private static void problemPage(Context ctx, int status, String title, String message) {
        ctx.status(status).render("problem.jte", Map.of(
                "status", status, "title", title, "message", message, "requestId", RequestTiming.requestId(ctx)));
    }

    private static void renderUrls(Context ctx, String heading, List<PageResult> results, long startedNanos) {
        ctx.render("urls.jte", Map.of(
                "heading", heading,
                "user", ApiKeyAuth.user(ctx).name(),
                "results", results,
                "wall", Duration.ofNanos(System.nanoTime() - startedNanos)));
    }

    private static void home(Context ctx) {
        ctx.render("index.jte", Map.of("routes", ROUTES, "keys", Users.DEMO_KEYS));
    }

    private static void notFound(Context ctx) {
        ctx.render("not-found.jte", Map.of("path", ctx.path(), "routes", ROUTES));
    }

    // tag::main[]
    public static void main(String[] args) {
        String webhook = System.getenv("ALERT_WEBHOOK");
        if (webhook == null || webhook.isBlank()) {
            AlertSink sink = AlertSink.start(); // stands in for the team chat, offline
            webhook = sink.webhookUrl();
            System.out.println("Alerts go to the embedded AlertSink; read them at " + sink.baseUrl() + "/");
        }
        Path logFile = Database.defaultFile(); // kept across restarts: the log outlives the process
        System.out.println("The request log is kept in " + logFile + ".mv.db");
        Options options = Options.defaults(webhook).withDatabase(Database.fileUrl(logFile));
        Launcher.chapter("Chapter 05 · Hooks and error handlers").tryPaths(ROUTES).run(args, urls -> create(urls, options));
    }
    // end::main[]
}
