package dev.asyncjavalin.ch07;

import dev.asyncjavalin.lab.CommandLine;
import dev.asyncjavalin.lab.ExerciseNotSolved;
import dev.asyncjavalin.lab.Lab;
import dev.asyncjavalin.lab.Launcher;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.validation.ValidationException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chapter 07: the aggregator as plain blocking code that scales. Every request runs on its own
 * virtual thread, and so does every upstream call; blocking one of them costs a little memory,
 * not a platform thread.
 */
public final class App {

    static final Map<String, String> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("/", "this page");
        ROUTES.put("/vthread_get_urls", "every page on its own virtual thread, at most 5 calls at once");
        ROUTES.put("/vthread_get_urls?max_in_flight=10", "all ten pages at once: about the slowest call (exercises 7.1, 7.2)");
        ROUTES.put("/vthread_get_urls?max_in_flight=1", "one call at a time: the sum of the calls");
        ROUTES.put("/vthread_get_urls?set=faults", "the fault pages: each failure is a row");
        ROUTES.put("/vthread_get_urls?set=faults&deadline_ms=500", "answer after 500 ms; calls still running are interrupted");
        ROUTES.put("/event_loop_get_urls", "every page with sendAsync: no thread waits for any call (exercise 7.3)");
        ROUTES.put("/event_loop_get_urls?set=faults&deadline_ms=500", "the fault pages on the event loop, cut at 500 ms");
        ROUTES.put("/thread", "which kind of thread ran this request");
    }

    /** Each call's own limit; a page that never answers costs at most this. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    static final int DEFAULT_MAX_IN_FLIGHT = 5;
    static final int MAX_MAX_IN_FLIGHT = 50;
    static final int DEFAULT_DEADLINE_MS = 5_000;
    static final int MIN_DEADLINE_MS = 10;
    static final int MAX_DEADLINE_MS = 10_000;

    private final UpstreamUrls upstream;
    private final VirtualThreadFetcher fetcher;
    private final EventLoopFetcher eventLoop;

    private App(UpstreamUrls upstream, PageClient client, HttpClient jdkClient) {
        this.upstream = upstream;
        this.fetcher = new VirtualThreadFetcher(client, CALL_TIMEOUT);
        this.eventLoop = new EventLoopFetcher(jdkClient, CALL_TIMEOUT);
    }

    public static Javalin create(UpstreamUrls upstream) {
        return create(upstream, RequestThreads.VIRTUAL);
    }

    // tag::create[]
    static Javalin create(UpstreamUrls upstream, RequestThreads requestThreads) {
        // OkHttp's Dispatcher limits (64 calls, 5 per host) apply to enqueue() only; this chapter
        // calls execute(), which nothing limits: the per-request Semaphore is the only limit
        PageClient client = PageClient.create(64, 5);
        HttpClient jdkClient = AsyncPageCall.newClient(); // the event-loop route's client: one selector thread for all its calls
        App app = new App(upstream, client, jdkClient);
        return Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.ch07.templates");
            requestThreads.configure(config); // useVirtualThreads, or a pool of platform threads
            config.routes.get("/", App::home);
            config.routes.get("/vthread_get_urls", app::vthreadGetUrls);
            config.routes.get("/event_loop_get_urls", app::eventLoopGetUrls);
            config.routes.get("/thread", App::thread);
            config.routes.exception(ValidationException.class, Lab::badQueryParameter);
            config.routes.exception(ExerciseNotSolved.class, App::notSolved);
            config.routes.error(404, App::notFound);
            config.events.serverStopped(() -> {
                client.close();
                jdkClient.shutdownNow(); // Jetty let every request finish first: what still runs has no reader left
            });
        });
    }
    // end::create[]

    // tag::vthreadGetUrls[]
    private void vthreadGetUrls(Context ctx) throws InterruptedException {
        List<String> urls = upstream.select(ctx.queryParam("set"));
        int maxInFlight = maxInFlightFrom(ctx); // checked before any call starts: a bad value is a 400
        Duration deadline = deadlineFrom(ctx);
        ServedBy servedBy = ServedBy.current();
        long started = System.nanoTime();
        List<PageResult> results = fetcher.fetchAll(urls, maxInFlight, deadline); // blocks this request's thread, and only it
        ctx.render("urls.jte", Map.of(
                "results", results,
                "wall", Duration.ofNanos(System.nanoTime() - started),
                "servedBy", servedBy,
                "maxInFlight", maxInFlight,
                "deadline", deadline));
    }
    // end::vthreadGetUrls[]

    // tag::eventLoopGetUrls[]
    private void eventLoopGetUrls(Context ctx) {
        List<String> urls = upstream.select(ctx.queryParam("set"));
        Duration deadline = deadlineFrom(ctx);
        ServedBy requestThread = ServedBy.current();
        long started = System.nanoTime();
        // the request's thread goes back to Jetty here; the page is rendered by whichever thread
        // completes the last row (the JDK client hands answers on to CompletableFuture's default
        // pool), and no thread waits in between
        ctx.future(() -> eventLoop.fetchAll(urls, deadline).thenAccept(results -> ctx.render("event-loop.jte", Map.of(
                "results", results,
                "wall", Duration.ofNanos(System.nanoTime() - started),
                "requestThread", requestThread,
                "renderedBy", ServedBy.current(),
                "deadline", deadline))));
    }
    // end::eventLoopGetUrls[]

    // tag::queryParameters[]
    private static int maxInFlightFrom(Context ctx) {
        return Lab.wholeNumber(ctx, "max_in_flight", DEFAULT_MAX_IN_FLIGHT, 1, MAX_MAX_IN_FLIGHT);
    }

    private static Duration deadlineFrom(Context ctx) {
        return Lab.milliseconds(ctx, "deadline_ms", DEFAULT_DEADLINE_MS, MIN_DEADLINE_MS, MAX_DEADLINE_MS);
    }
    // end::queryParameters[]

    // tag::thread[]
    private static void thread(Context ctx) {
        ctx.render("thread.jte", Map.of(
                "servedBy", ServedBy.current(),
                // the JVM's platform threads; virtual threads are not counted here, however many there are
                "platformThreads", ManagementFactory.getThreadMXBean().getThreadCount(),
                "cores", Runtime.getRuntime().availableProcessors()));
    }
    // end::thread[]

    private static void home(Context ctx) {
        ctx.render("index.jte", Map.of("routes", ROUTES));
    }

    private static void notSolved(ExerciseNotSolved e, Context ctx) {
        ctx.status(501).result(e.getMessage());
    }

    private static void notFound(Context ctx) {
        ctx.render("not-found.jte", Map.of("path", ctx.path(), "routes", ROUTES));
    }

    public static void main(String[] args) {
        RequestThreads requestThreads;
        try {
            int platformThreads = CommandLine.parse(args).intOption("platform-threads", 0, 0, 10_000);
            requestThreads = platformThreads == 0 ? RequestThreads.VIRTUAL : RequestThreads.platform(platformThreads);
        } catch (CommandLine.UsageException e) {
            System.err.println("Cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Launcher.chapter("Chapter 07 · Virtual threads (" + requestThreads.describe() + ")")
                .tryPaths(ROUTES)
                .run(args, upstream -> create(upstream, requestThreads));
    }
}
