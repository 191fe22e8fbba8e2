package dev.asyncjavalin.ch02;

import dev.asyncjavalin.lab.Lab;
import dev.asyncjavalin.lab.Launcher;
import dev.asyncjavalin.lab.UpstreamUrls;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.validation.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * Chapter 02: a route that calls a slow service, page after page, with one shared OkHttp client.
 * The request's server thread waits through every call, so the page takes the sum of them all.
 */
public final class App {

    /** Every route of this chapter, with the line the home page and the start banner show. */
    static final Map<String, String> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("/", "this page");
        ROUTES.put("/sync_get_urls", "fetches the upstream's 10 pages one after another: total = sum of latencies");
        ROUTES.put("/sync_get_urls?set=faults", "one URL per way a call fails: each must become a row (exercise 2.1)");
        ROUTES.put("/sync_get_urls?timeout=500", "the same with a 500 ms per-call timeout (exercise 2.2 bounds it)");
    }

    private App() {
    }

    public static Javalin create(UpstreamUrls upstream) {
        return create(upstream, UpstreamClient.create());
    }

    // tag::create[]
    /** The app owns {@code client}: every request shares it, and the app shuts it down when it stops. */
    static Javalin create(UpstreamUrls upstream, OkHttpClient client) {
        SyncGetUrls syncGetUrls = new SyncGetUrls(upstream, new SequentialFetcher(new PageFetcher(client)));
        return Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.ch02.templates");
            config.routes.get("/", App::home);
            config.routes.get("/sync_get_urls", syncGetUrls::handle);
            // a failed ctx.queryParamAsClass(...) check becomes a 400 naming the parameter
            config.routes.exception(ValidationException.class, Lab::badQueryParameter);
            config.routes.error(404, App::notFound);
            config.events.serverStopped(() -> UpstreamClient.shutDown(client));
        });
    }
    // end::create[]

    private static void home(Context ctx) {
        ctx.render("index.jte", Map.of("routes", ROUTES));
    }

    private static void notFound(Context ctx) {
        ctx.render("not-found.jte", Map.of("path", ctx.path(), "routes", ROUTES));
    }

    public static void main(String[] args) {
        Launcher.chapter("Chapter 02 · Calling a slow service").tryPaths(ROUTES).run(args, App::create);
    }
}
