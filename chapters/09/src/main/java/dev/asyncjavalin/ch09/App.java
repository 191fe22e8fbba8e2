package dev.asyncjavalin.ch09;

import dev.asyncjavalin.lab.Lab;
import dev.asyncjavalin.lab.Launcher;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chapter 09: every model of the course, side by side in one app, and the report of the
 * benchmark that measured them.
 */
public final class App {

    static final Map<String, String> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("/", "this page");
        for (Model model : Model.values()) {
            ROUTES.put(model.route(), model.label() + " (chapter " + model.chapter() + "): " + model.how());
        }
        ROUTES.put("/report", "the latest benchmark report (mvn -pl chapters/09 exec:java@benchmark)");
    }

    /** Each call's own limit; a page that never answers costs at most this. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    /** Enough for the load run's 1000 clients at once, each request making one call. */
    static final int MAX_UPSTREAM_CALLS = 1024;
    static final String REPORT_FILE = "report.html";

    private final UpstreamUrls upstream;
    private final Settings settings;
    private final SequentialModel sequential;
    private final SequentialModel sequentialNewConnections;
    private final ConcurrentModel concurrent;
    private final AsyncModel async;
    private final VirtualThreadModel virtualThreads;
    private final EventLoopModel eventLoop;

    private App(UpstreamUrls upstream, Settings settings, PageClient client) {
        this.upstream = upstream;
        this.settings = settings;
        this.sequential = new SequentialModel(client, CALL_TIMEOUT);
        this.sequentialNewConnections = new SequentialModel(client.withoutConnectionReuse(), CALL_TIMEOUT);
        this.concurrent = new ConcurrentModel(client, CALL_TIMEOUT);
        this.async = new AsyncModel(client, CALL_TIMEOUT);
        this.virtualThreads = new VirtualThreadModel(client, CALL_TIMEOUT);
        this.eventLoop = new EventLoopModel(CALL_TIMEOUT);
    }

    public static Javalin create(UpstreamUrls upstream) {
        return create(upstream, Settings.defaults());
    }

    // tag::create[]
    static Javalin create(UpstreamUrls upstream, Settings settings) {
        PageClient client = PageClient.create(MAX_UPSTREAM_CALLS, MAX_UPSTREAM_CALLS);
        App app = new App(upstream, settings, client);
        return Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.ch09.templates");
            settings.requestThreads().configure(config);
            config.routes.get("/", App::home);
            config.routes.get(Model.SYNC.route(), app::syncGetUrls);
            config.routes.get(Model.CONCURRENT.route(), app::asyncGetUrlsV1);
            config.routes.get(Model.ASYNC.route(), app::asyncGetUrlsV2);
            config.routes.get(Model.VIRTUAL_THREADS.route(), app::vthreadGetUrls);
            config.routes.get(Model.EVENT_LOOP.route(), app::eventLoopGetUrls);
            config.routes.get("/report", app::report);
            config.routes.error(404, App::notFound);
            config.events.serverStopped(() -> {
                client.close();
                app.eventLoop.close();
            });
        });
    }
    // end::create[]

    // tag::routes[]
    private void syncGetUrls(Context ctx) {
        List<String> urls = upstream.select(ctx.queryParam("set"));
        // ?connections=new: a new connection per call, as Python's requests.get opens (see ArticleSpeedup)
        SequentialModel model = switch (String.valueOf(ctx.queryParam("connections"))) {
            case "null", "pooled" -> sequential;
            case "new" -> sequentialNewConnections;
            default -> throw new BadRequestResponse("Query parameter 'connections' must be 'pooled' (the default) or 'new'");
        };
        long started = System.nanoTime();
        render(ctx, Model.SYNC, model.fetchAll(urls), started);
    }

    private void asyncGetUrlsV1(Context ctx) {
        List<String> urls = upstream.select(ctx.queryParam("set"));
        long started = System.nanoTime();
        render(ctx, Model.CONCURRENT, concurrent.fetchAll(urls), started);
    }

    private void asyncGetUrlsV2(Context ctx) {
        List<String> urls = upstream.select(ctx.queryParam("set"));
        long started = System.nanoTime();
        ctx.future(() -> async.fetchAll(urls).thenAccept(rows -> render(ctx, Model.ASYNC, rows, started)));
    }

    private void vthreadGetUrls(Context ctx) throws InterruptedException {
        if (!Model.VIRTUAL_THREADS.runsHere()) {
            ctx.status(501).contentType("text/plain; charset=utf-8")
                    .result("This route is chapter 07's model, and " + VirtualThreads.whyUnavailable()
                            + ". Start the app with JAVA_HOME set to a JDK 21 or newer to try it.\n");
            return;
        }
        List<String> urls = upstream.select(ctx.queryParam("set"));
        long started = System.nanoTime();
        render(ctx, Model.VIRTUAL_THREADS, virtualThreads.fetchAll(urls), started);
    }

    private void eventLoopGetUrls(Context ctx) {
        List<String> urls = upstream.select(ctx.queryParam("set"));
        long started = System.nanoTime();
        // the request thread goes back to Jetty here, and no thread waits for a page until the page is written
        ctx.future(() -> eventLoop.fetchAll(urls).thenAccept(rows -> render(ctx, Model.EVENT_LOOP, rows, started)));
    }
    // end::routes[]

    // tag::report[]
    private void report(Context ctx) throws IOException {
        Path report = settings.benchmarkFiles().resolve(REPORT_FILE);
        if (Files.isRegularFile(report)) {
            ctx.html(Files.readString(report)); // written by the benchmark with report.jte, escaped there
        } else {
            // relative to where the app runs: a public page has no business showing where the server's files live
            Path here = Path.of("").toAbsolutePath();
            Path file = report.toAbsolutePath().normalize();
            Path shown = file.startsWith(here) ? here.relativize(file) : file.getFileName();
            ctx.render("no-report.jte", Map.of("expected", shown.toString()));
        }
    }
    // end::report[]

    private static void render(Context ctx, Model model, List<PageResult> rows, long startedNanos) {
        ctx.render("urls.jte", Map.of(
                "model", model,
                "results", rows,
                "wall", Duration.ofNanos(System.nanoTime() - startedNanos),
                "thread", Thread.currentThread().toString()));
    }

    private static void home(Context ctx) {
        ctx.render("index.jte", Map.of("routes", ROUTES));
    }

    private static void notFound(Context ctx) {
        ctx.render("not-found.jte", Map.of("path", ctx.path(), "routes", ROUTES));
    }

    public static void main(String[] args) {
        Launcher.chapter("Chapter 09 · Measure it").tryPaths(ROUTES).run(args, App::create);
    }
}
