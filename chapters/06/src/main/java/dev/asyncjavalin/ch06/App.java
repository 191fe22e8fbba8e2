package dev.asyncjavalin.ch06;

import dev.asyncjavalin.ch06.broken.LostError;
import dev.asyncjavalin.ch06.broken.NoDeadline;
import dev.asyncjavalin.ch06.broken.SequentialFanOut;
import dev.asyncjavalin.lab.Lab;
import dev.asyncjavalin.lab.Launcher;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.validation.ValidationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Chapter 06: the code under test. An async route over an {@link Aggregator}, with a deadline per
 * request and a row per page whatever happens to it. The broken aggregators can be picked with
 * {@code ?aggregator=}, so you can watch each bug in the browser before you write a test for it.
 */
public final class App {

    static final Map<String, String> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("/", "this page");
        ROUTES.put("/async_get_urls_v2", "every page at once, within a deadline of 2 s");
        ROUTES.put("/async_get_urls_v2?deadline_ms=700", "a short deadline: the slower pages become timeout rows");
        ROUTES.put("/async_get_urls_v2?set=faults", "every failure is a row; the page that never answers ends at the deadline");
        ROUTES.put("/async_get_urls_v2?aggregator=SequentialFanOut", "broken: one call after another (exercise 6.1 catches it)");
        ROUTES.put("/async_get_urls_v2?aggregator=NoDeadline&set=faults", "broken: waits 10 s for the page that never answers (6.2)");
        ROUTES.put("/async_get_urls_v2?aggregator=LostError&set=faults", "broken: the failed pages vanish (6.3)");
    }

    /** The deadline when {@code ?deadline_ms=} is absent: above the upstream's slowest page (1.5 s). */
    static final int DEFAULT_DEADLINE_MS = 2000;
    static final int MIN_DEADLINE_MS = 10;
    static final int MAX_DEADLINE_MS = 10_000;

    /** Every aggregator {@code ?aggregator=} can pick: the correct one (the default) and the broken ones. */
    static final Map<String, Function<PageClient, Aggregator>> AGGREGATORS = new LinkedHashMap<>();

    static {
        AGGREGATORS.put("RecipeAggregator", RecipeAggregator::new);
        AGGREGATORS.put("SequentialFanOut", SequentialFanOut::new);
        AGGREGATORS.put("NoDeadline", NoDeadline::new);
        AGGREGATORS.put("LostError", LostError::new);
    }

    private final UpstreamUrls upstream;
    private final Map<String, Aggregator> aggregators = new LinkedHashMap<>();

    private App(UpstreamUrls upstream, PageClient client) {
        this.upstream = upstream;
        AGGREGATORS.forEach((name, create) -> aggregators.put(name, create.apply(client)));
    }

    // tag::create[]
    public static Javalin create(UpstreamUrls upstream) {
        // all ten pages live on one host: let every call to it run at once
        PageClient client = PageClient.create(64, 64);
        App app = new App(upstream, client);
        return Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.ch06.templates");
            config.routes.get("/", App::home);
            config.routes.get("/async_get_urls_v2", app::asyncGetUrlsV2);
            // a failed ctx.queryParamAsClass(...) check becomes a 400 naming the parameter
            config.routes.exception(ValidationException.class, Lab::badQueryParameter);
            config.routes.error(404, App::notFound);
            config.events.serverStopped(client::close);
        });
    }
    // end::create[]

    // tag::asyncGetUrlsV2[]
    private void asyncGetUrlsV2(Context ctx) {
        List<String> urls = upstream.select(ctx.queryParam("set"));
        Duration deadline = deadlineFrom(ctx);
        String name = aggregatorFrom(ctx);
        long started = System.nanoTime();
        // the request thread goes back to the pool here; the page is rendered when the last row is in
        ctx.future(() -> aggregators.get(name).fetchAll(urls, deadline)
                .thenAccept(results -> ctx.render("urls.jte", Map.of(
                        "aggregator", name,
                        "deadline", deadline,
                        "results", results,
                        "asked", urls.size(),
                        "wall", Duration.ofNanos(System.nanoTime() - started)))));
    }
    // end::asyncGetUrlsV2[]

    /** {@code ?deadline_ms=} in whole milliseconds, from 10 to 10000; 2000 when absent. */
    private static Duration deadlineFrom(Context ctx) {
        return Lab.milliseconds(ctx, "deadline_ms", DEFAULT_DEADLINE_MS, MIN_DEADLINE_MS, MAX_DEADLINE_MS);
    }

    /** {@code ?aggregator=}, one of {@link #AGGREGATORS}; the correct one when absent. */
    private static String aggregatorFrom(Context ctx) {
        if (ctx.queryParam("aggregator") == null) {
            return "RecipeAggregator";
        }
        return ctx.queryParamAsClass("aggregator", String.class)
                .check(AGGREGATORS::containsKey, "must be one of " + String.join(", ", AGGREGATORS.keySet()))
                .get();
    }

    private static void home(Context ctx) {
        ctx.render("index.jte", Map.of("routes", ROUTES));
    }

    private static void notFound(Context ctx) {
        ctx.render("not-found.jte", Map.of("path", ctx.path(), "routes", ROUTES));
    }

    public static void main(String[] args) {
        Launcher.chapter("Chapter 06 · Testing async code").tryPaths(ROUTES).run(args, App::create);
    }
}
