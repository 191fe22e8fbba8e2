package dev.asyncjavalin.ch01;

import dev.asyncjavalin.lab.Lab;
import dev.asyncjavalin.lab.Launcher;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.validation.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chapter 01: plain synchronous routes. Each request keeps one server thread until it answers. */
public final class App {

    /** Every route of this chapter, with the line the home page and the start banner show. */
    static final Map<String, String> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("/", "this page");
        ROUTES.put("/data", "waits for slow work (1 s), then answers: the thread waits with it");
        ROUTES.put("/data?delay_ms=250", "the same with a chosen delay (exercise 1.2 validates it)");
        ROUTES.put("/batch?delays_ms=200,300,100", "three delays, one after another, on one thread (exercise 1.3 validates them)");
        ROUTES.put("/hello?name=Ada", "a greeting rendered by a JTE template (exercise 1.1)");
        ROUTES.put("/hello?name=<b>Ada</b>", "the same with HTML in the name: it must show as text");
        ROUTES.put("/hi", "hello in your browser's language, from its Accept-Language header (exercise 1.4)");
    }

    private App() {
    }

    // tag::create[]
    public static Javalin create() {
        return Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.ch01.templates");
            config.routes.get("/", App::home);
            config.routes.get("/data", SlowData::handle);
            config.routes.get("/batch", SlowBatch::handle);
            config.routes.get("/hello", Greeting::handle);
            config.routes.get("/hi", LanguageGreeting::handle);
            // a failed ctx.queryParamAsClass(...) check becomes a 400 naming the parameter
            config.routes.exception(ValidationException.class, Lab::badQueryParameter);
            config.routes.error(404, App::notFound);
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
        Launcher.chapter("Chapter 01 · Sync routes").tryPaths(ROUTES).run(args, upstream -> create()); // no upstream calls yet: that is chapter 02
    }
}
