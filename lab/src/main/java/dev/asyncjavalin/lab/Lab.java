package dev.asyncjavalin.lab;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.rendering.FileRenderer;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import io.javalin.http.Context;
import io.javalin.http.servlet.JavalinServletContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import io.javalin.security.RouteRole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;

/** The settings every chapter app shares, so that each chapter's {@code App} shows only its lesson. */
public final class Lab {

    /** How long a stopping app lets in-flight requests finish. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How many new connections the operating system may hold for the app before it accepts them.
     * Jetty passes 0, and the JDK turns 0 into 50: a burst of more new clients than that has the
     * rest of their connection requests dropped, and each of those clients waits a whole second
     * for TCP to ask again. Linux caps the number at net.core.somaxconn (4096 on recent kernels).
     * {@code -Dcourse.acceptQueue=0} puts Jetty's default back, to see that second for yourself
     * (chapter 04's deep dive).
     */
    public static final int ACCEPT_QUEUE = Integer.getInteger("course.acceptQueue", 1024);

    private Lab() {
    }

    /**
     * Quiet, fast start; a graceful stop; JTE pages precompiled into {@code templatePackage};
     * the course stylesheet at {@code /course.css}; a readable page for unsolved exercises;
     * HEAD and wrong methods held to the same rules as GET (see {@link #headLikeGet}); numbers in
     * query parameters read as ASCII digits only (see {@link #strictNumbers}).
     */
    public static void configure(JavalinConfig config, String templatePackage) {
        config.startup.showJavalinBanner = false;
        // the watcher keeps the JVM alive for seconds after a quick start and stop
        config.startup.startupWatcherEnabled = false;
        // without a stop timeout Jetty cuts in-flight requests off when the app stops
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(STOP_TIMEOUT.toMillis());
            server.insertHandler(new GracefulStop()); // waits for requests, not only connections, and refuses new ones
            // requests Jetty refuses itself: a plain sentence (PlainErrors), a 503 while stopping
            server.setErrorHandler(GracefulStop.errorPageWhileStopping(server));
            server.addEventListener(connectorSettings()); // the accept queue; idle connections closed at once on stop
        });
        config.fileRenderer(jte(templatePackage));
        config.staticFiles.add("/dev/asyncjavalin/lab/static", Location.CLASSPATH);
        config.routes.exception(ExerciseNotSolved.class, (e, ctx) ->
                ctx.status(501).contentType("text/plain; charset=utf-8").result(e.getMessage()));
        // a wrong method on a known path: 405 naming the methods it takes, not a 404 that says "no such page"
        config.http.prefer405over404 = true;
        config.routes.exception(MethodNotAllowedResponse.class, Lab::methodNotAllowed);
        config.events.handlerAdded(route -> headLikeGet(config, route));
        config.routes.before(ctx -> ctx.attribute(GracefulStop.STOPPING_ANSWER, (Runnable) () -> answerStopping(ctx)));
        config.routes.before(Lab::refuseBrokenEscapes);
        strictNumbers(config);
    }

    /**
     * Javalin converts {@code ctx.queryParamAsClass(name, Integer.class)} with Integer.parseInt, which
     * also takes "+5" and digits of other scripts ("５"); here it takes {@link #wholeNumber(String)}'s
     * ASCII digits only, so anything else is the same 400 as "abc".
     */
    private static void strictNumbers(JavalinConfig config) {
        for (Class<?> type : List.of(Integer.class, int.class)) {
            config.validation.register(type, Lab::wholeNumber);
        }
        for (Class<?> type : List.of(Long.class, long.class)) {
            config.validation.register(type, text -> (long) wholeNumber(text));
        }
    }

    /**
     * What a request still waiting for its future gets when a stop runs out of time: a 503 that
     * says so, instead of a connection closed under it. Javalin's own flag decides who answers, so
     * the app's answer and this one never mix; a handler that holds its thread cannot be answered
     * for, and is cut off at the stop timeout as before.
     */
    private static void answerStopping(Context ctx) {
        if (!(ctx instanceof JavalinServletContext javalin) || !ctx.req().isAsyncStarted()
                || !javalin.getResponseWritten().compareAndSet(false, true)) {
            return;
        }
        try {
            HttpServletResponse response = ctx.res();
            if (response.isCommitted()) {
                return;
            }
            byte[] body = "The server is stopping and could not finish this request in time. Try again in a moment.\n".getBytes(StandardCharsets.UTF_8);
            response.reset();
            response.setStatus(503);
            response.setHeader("Connection", "close");
            response.setContentType("text/plain; charset=utf-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            ctx.req().getAsyncContext().complete();
        } catch (IOException | IllegalStateException gone) {
            // the connection or the request ended meanwhile: nothing left to answer
        }
    }

    /** How long a stopping app keeps a connection that has no request in flight. */
    static final Duration SHUTDOWN_IDLE_TIMEOUT = Duration.ofMillis(50);

    /**
     * Two settings for every connector, the chapter's own included, made while the server starts,
     * before any connector opens its port:
     *
     * <ul>
     *   <li>the accept queue, {@link #ACCEPT_QUEUE};
     *   <li>idle connections at a stop. A stopping Jetty keeps idle keep-alive connections open for a
     *       second (its default) before it closes them, so every stop with a client's pooled
     *       connection took a second longer than its work: a second per test that starts an app.
     *       Jetty shortens the idle timeout of every connection, though, and a connection whose
     *       request waits for an upstream looks idle: its answer was cut off half-way.
     *       {@link GracefulStop} shortens it for the idle ones only; Jetty is told to leave it.
     *       Requests in flight still get {@link #STOP_TIMEOUT} to finish.
     * </ul>
     */
    private static LifeCycle.Listener connectorSettings() {
        return new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle server) {
                for (Connector connector : ((Server) server).getConnectors()) {
                    if (connector instanceof ServerConnector listening) {
                        listening.setAcceptQueueSize(ACCEPT_QUEUE);
                    }
                    if (connector instanceof AbstractConnector withIdleTimeouts) {
                        GracefulStop.leaveIdleTimeoutsToGracefulStop(withIdleTimeouts);
                    }
                }
            }
        };
    }

    /** A {@code %} not followed by two hex digits: not URL encoding, whatever the rest says. */
    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    /**
     * Jetty leaves out a query parameter whose escape is broken ({@code ?steps=%zz}), so a route
     * would silently use its default; refuse the whole request instead, saying what was wrong.
     */
    private static void refuseBrokenEscapes(Context ctx) {
        String query = ctx.queryString();
        if (query != null && BROKEN_ESCAPE.matcher(query).find()) {
            ctx.skipRemainingHandlers();
            ctx.status(400).contentType("text/plain; charset=utf-8")
                    .result("The query string is not valid URL encoding: a '%' must be followed by two hex digits (e.g. %20)\n");
        }
    }

    /**
     * Gives every GET route a HEAD twin with the same handler and roles. Without it Javalin answers
     * HEAD on a GET path with an empty 200 of its own: the route's roles are not seen by
     * {@code beforeMatched} hooks (so a key check lets HEAD through) and the route's validation never
     * runs. With it HEAD runs the GET route and Jetty leaves the body out. Chapters call
     * {@link #configure} before adding routes, so this sees all of them.
     */
    private static void headLikeGet(JavalinConfig config, HandlerMetaInfo route) {
        if (route.getHttpMethod().equals(HandlerType.GET)) {
            config.routes.head(route.getPath(), route.getHandler(), route.getRoles().toArray(RouteRole[]::new));
        }
    }

    /** 405 with the {@code Allow} header, answered here so that a chapter's catch-all handler cannot turn it into a 500. */
    private static void methodNotAllowed(MethodNotAllowedResponse e, Context ctx) {
        String allowed = e.getDetails().values().iterator().next(); // one entry, "GET, HEAD": its key depends on Accept
        ctx.status(405).header("Allow", allowed).contentType("text/plain; charset=utf-8")
                .result(ctx.method() + " is not allowed on " + ctx.path() + ". Allowed: " + allowed + "\n");
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
        // read as text, not Integer.class: this works in an app that did not call configure(...) too
        String digits = ctx.queryParamAsClass(name, String.class)
                .check(Lab::isWholeNumber, "must be a whole number")
                .check(value -> !isWholeNumber(value) || isBetween(Integer.parseInt(value), min, max),
                        "must be from " + min + " to " + max + unit)
                .get();
        return Integer.parseInt(digits);
    }

    /**
     * {@code text} as a whole number of at most 9 ASCII digits, with an optional '-': the numbers a
     * URL carries. Integer.parseInt also takes "+5" and digits of other scripts ("５"); this does not.
     *
     * @throws NumberFormatException for anything else
     */
    public static int wholeNumber(String text) {
        if (!isWholeNumber(text)) {
            throw new NumberFormatException("not a whole number: '" + text + "'");
        }
        return Integer.parseInt(text);
    }

    private static boolean isWholeNumber(String text) {
        return text != null && WHOLE_NUMBER.matcher(text).matches();
    }

    private static boolean isBetween(int value, int min, int max) {
        return value >= min && value <= max;
    }

    /** At most 9 digits, so that it always fits an int. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,9}");

    private static String describe(String parameter, List<ValidationError<Object>> errors) {
        ValidationError<Object> first = errors.get(0);
        return switch (first.getMessage()) {
            case "NULLCHECK_FAILED" -> "Query parameter '" + parameter + "' is required";
            case "TYPE_CONVERSION_FAILED" -> "Query parameter '" + parameter + "' must be a whole number, got '" + first.value + "'";
            default -> "Query parameter '" + parameter + "' " + first.getMessage() + ", got '" + first.value + "'";
        };
    }
}
