package dev.asyncjavalin.ch03;

import dev.asyncjavalin.lab.Lab;
import dev.asyncjavalin.lab.Launcher;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.pages.PageResult;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * Chapter 03: the handler is still blocking, but the calls it waits for run together. The
 * Java twin of calling {@code asyncio.run(...)} inside a Flask 1.x route.
 */
public final class App {

    static final Map<String, String> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("/", "this page");
        ROUTES.put("/sync_get_urls", "fetch every page one after another (chapter 02's way)");
        ROUTES.put("/async_get_urls_v1", "start every call, then wait for all: concurrency inside a blocking handler");
        ROUTES.put("/compare", "both, side by side, with their timings");
        ROUTES.put("/async_get_urls_v1?set=faults", "the fault pages: each failure must become a row (exercise 3.1)");
    }

    /** Each call's own deadline; a page that never answers costs at most this. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    private final UpstreamUrls upstream;
    private final SequentialFetcher sequential;
    private final ConcurrentFetcher concurrent;

    private App(UpstreamUrls upstream, OkHttpClient client) {
        PageCalls calls = new PageCalls(client);
        this.upstream = upstream;
        this.sequential = new SequentialFetcher(calls);
        this.concurrent = new ConcurrentFetcher(calls);
    }

    // tag::create[]
    public static Javalin create(UpstreamUrls upstream) {
        OkHttpClient client = UpstreamClient.create();
        App app = new App(upstream, client);
        return Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.ch03.templates");
            config.routes.get("/", App::home);
            config.routes.get("/sync_get_urls", app::syncGetUrls);
            config.routes.get("/async_get_urls_v1", app::asyncGetUrlsV1);
            config.routes.get("/compare", app::compare);
            config.routes.error(404, App::notFound);
            config.events.serverStopped(() -> UpstreamClient.shutdown(client));
        });
    }
    // end::create[]

    private void syncGetUrls(Context ctx) {
        List<String> urls = upstream.select(ctx.queryParam("set"));
        long started = System.nanoTime();
        List<PageResult> results = sequential.fetchAll(urls, CALL_TIMEOUT);
        renderUrls(ctx, "One after another", results, started);
    }

    // tag::asyncGetUrlsV1[]
    private void asyncGetUrlsV1(Context ctx) {
        List<String> urls = upstream.select(ctx.queryParam("set"));
        long started = System.nanoTime();
        List<PageResult> results = concurrent.fetchAll(urls, CALL_TIMEOUT); // the request thread waits here
        renderUrls(ctx, "All at once, inside a blocking handler", results, started);
    }
    // end::asyncGetUrlsV1[]

    private void compare(Context ctx) {
        List<String> urls = upstream.select(ctx.queryParam("set"));
        long sequentialStart = System.nanoTime();
        List<PageResult> oneByOne = sequential.fetchAll(urls, CALL_TIMEOUT);
        Duration sequentialWall = Duration.ofNanos(System.nanoTime() - sequentialStart);
        long concurrentStart = System.nanoTime();
        List<PageResult> allAtOnce = concurrent.fetchAll(urls, CALL_TIMEOUT);
        Duration concurrentWall = Duration.ofNanos(System.nanoTime() - concurrentStart);
        ctx.render("compare.jte", Map.of(
                "sequential", oneByOne, "sequentialWall", sequentialWall,
                "concurrent", allAtOnce, "concurrentWall", concurrentWall,
                "slowest", PageResult.slowest(oneByOne)));
    }

    private static void renderUrls(Context ctx, String heading, List<PageResult> results, long startedNanos) {
        ctx.render("urls.jte", Map.of(
                "heading", heading,
                "results", results,
                "wall", Duration.ofNanos(System.nanoTime() - startedNanos)));
    }

    private static void home(Context ctx) {
        ctx.render("index.jte", Map.of("routes", ROUTES));
    }

    private static void notFound(Context ctx) {
        ctx.render("not-found.jte", Map.of("path", ctx.path(), "routes", ROUTES));
    }

    public static void main(String[] args) {
        Launcher.chapter("Chapter 03 · Concurrency inside a blocking handler").tryPaths(ROUTES).run(args, App::create);
    }
}
