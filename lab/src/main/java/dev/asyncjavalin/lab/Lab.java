package dev.asyncjavalin.lab;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.rendering.FileRenderer;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The settings every chapter app shares, so that each chapter's {@code App} shows only its lesson. */
public final class Lab {

    /** How long a stopping app lets in-flight requests finish. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private Lab() {
    }

    /**
     * Quiet, fast start; a graceful stop; JTE pages precompiled into {@code templatePackage};
     * the course stylesheet at {@code /course.css}; a readable page for unsolved exercises.
     */
    public static void configure(JavalinConfig config, String templatePackage) {
        config.startup.showJavalinBanner = false;
        // the watcher keeps the JVM alive for seconds after a quick start and stop
        config.startup.startupWatcherEnabled = false;
        // without a stop timeout Jetty cuts in-flight requests off when the app stops
        config.jetty.modifyServer(server -> server.setStopTimeout(STOP_TIMEOUT.toMillis()));
        config.fileRenderer(jte(templatePackage));
        config.staticFiles.add("/dev/asyncjavalin/lab/static", Location.CLASSPATH);
        config.routes.exception(ExerciseNotSolved.class, (e, ctx) ->
                ctx.status(501).contentType("text/plain; charset=utf-8").result(e.getMessage()));
    }

    /** Renders {@code ctx.render("page.jte", model)} with the precompiled templates of one package. */
    public static FileRenderer jte(String templatePackage) {
        // the chapter's class loader, which holds its templates: the same as the lab's in a Maven run,
        // a child of it when the course command runs a chapter's tests from its target/ folder
        ClassLoader chapterClasses = Thread.currentThread().getContextClassLoader();
        ClassLoader templates = chapterClasses != null ? chapterClasses : Lab.class.getClassLoader();
        TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, templates, templatePackage);
        return (file, model, ctx) -> {
            StringOutput html = new StringOutput();
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) model;
            engine.render(file, params, html);
            return html.toString();
        };
    }

    /**
     * Answers a failed query-parameter check with 400 and one plain sentence per parameter, e.g.
     * {@code Query parameter 'timeout' must be from 100 to 10000 (ms), got 'abc'}.
     */
    public static void badQueryParameter(ValidationException e, Context ctx) {
        String message = e.getErrors().entrySet().stream()
                .map(entry -> describe(entry.getKey(), entry.getValue()))
                .collect(Collectors.joining("\n"));
        ctx.status(400).contentType("text/plain; charset=utf-8").result(message + "\n");
    }

    /**
     * Query parameter {@code name} as a whole number from {@code min} to {@code max}, or
     * {@code fallback} when it is absent. Anything else throws the {@link ValidationException}
     * that {@link #badQueryParameter} turns into a 400. Chapters 01 and 02 have you write this
     * yourself (exercises 1.2 and 2.2); the chapters after them call it.
     */
    public static int wholeNumber(Context ctx, String name, int fallback, int min, int max) {
        return checkedWholeNumber(ctx, name, fallback, min, max, "");
    }

    /** {@link #wholeNumber}, read as milliseconds: the 400 says "(ms)". */
    public static Duration milliseconds(Context ctx, String name, int fallback, int min, int max) {
        return Duration.ofMillis(checkedWholeNumber(ctx, name, fallback, min, max, " (ms)"));
    }

    private static int checkedWholeNumber(Context ctx, String name, int fallback, int min, int max, String unit) {
        if (ctx.queryParam(name) == null) {
            return fallback; // checked first: Javalin runs check(...) on a missing value too
        }
        return ctx.queryParamAsClass(name, Integer.class)
                .check(value -> value >= min && value <= max, "must be from " + min + " to " + max + unit)
                .get();
    }

    private static String describe(String parameter, List<ValidationError<Object>> errors) {
        ValidationError<Object> first = errors.get(0);
        return switch (first.getMessage()) {
            case "NULLCHECK_FAILED" -> "Query parameter '" + parameter + "' is required";
            case "TYPE_CONVERSION_FAILED" -> "Query parameter '" + parameter + "' must be a whole number, got '" + first.value + "'";
            default -> "Query parameter '" + parameter + "' " + first.getMessage() + ", got '" + first.value + "'";
        };
    }
}
