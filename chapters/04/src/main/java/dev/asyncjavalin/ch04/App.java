package dev.asyncjavalin.ch04;

import dev.asyncjavalin.lab.CommandLine;
import dev.asyncjavalin.lab.Lab;
import dev.asyncjavalin.lab.Launcher;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.validation.ValidationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chapter 04: async handlers. A handler that returns {@code ctx.future(...)} gives its request
 * thread back to Jetty's pool at once; whichever thread completes the future writes the answer.
 */
public final class App {

    static final Map<String, String> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("/", "this page");
        ROUTES.put("/async_get_urls_v1", "all pages at once; the request thread waits for them (chapter 03's way)");
        ROUTES.put("/async_get_urls_v2", "all pages at once with ctx.future: the request thread goes back to the pool");
        ROUTES.put("/async_get_urls_v2?set=faults&deadline_ms=500", "answer after 500 ms with whatever has arrived (exercise 4.1)");
        ROUTES.put("/strict_get_urls?set=faults", "every page or an error: a failed future reaches the exception handler");
        ROUTES.put("/data_blocking", "the article's first route: sleeps 1 s on the request thread");
        ROUTES.put("/data", "the same answer from a timer, without holding a thread (exercise 4.2)");
        ROUTES.put("/pages?pick=1,3,5", "the pages you pick by number, one line each, failures included (exercise 4.3)");
        ROUTES.put("/threads", "how many of Jetty's threads are busy right now");
    }

    /** Each call's own limit; a page that never answers costs at most this. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    /** Our own upstream: let every call run at once (chapter 03 measured what queuing costs). */
    static final int MAX_UPSTREAM_CALLS = 256;
    static final int MIN_DEADLINE_MS = 10;
    static final int MAX_DEADLINE_MS = (int) CALL_TIMEOUT.toMillis();
    /** The share of a page's deadline its calls get; the rest is kept to render and send the page. */
    static final int CALLS_SHARE_PERCENT = 90;

    private final UpstreamUrls upstream;
    private final AsyncFetcher allAtOnce;
    private final DeadlineFetcher withDeadline;
    private final SlowData data;
    private final RequestPool pool;

    private App(UpstreamUrls upstream, PageClient client, SlowData data, RequestPool pool) {
        this.upstream = upstream;
        this.allAtOnce = new AsyncFetcher(client, CALL_TIMEOUT);
        this.withDeadline = new DeadlineFetcher(client, CALL_TIMEOUT);
        this.data = data;
        this.pool = pool;
    }

    public static Javalin create(UpstreamUrls upstream) {
        return create(upstream, Settings.defaults());
    }

    // tag::create[]
    public static Javalin create(UpstreamUrls upstream, Settings settings) {
        PageClient client = PageClient.create(MAX_UPSTREAM_CALLS, MAX_UPSTREAM_CALLS);
        SlowData data = settings.data().get();
        return Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.ch04.templates");
            RequestPool pool = RequestPool.install(config, settings.poolSize());
            App app = new App(upstream, client, data, pool);
            config.routes.get("/", App::home);
            config.routes.get("/async_get_urls_v1", app::asyncGetUrlsV1);
            config.routes.get("/async_get_urls_v2", app::asyncGetUrlsV2);
            config.routes.get("/strict_get_urls", app::strictGetUrls);
            config.routes.get("/data_blocking", App::dataBlocking);
            config.routes.get("/data", app::data);
            PickedPages picked = new PickedPages(upstream.pages(), url -> client.fetch(url, CALL_TIMEOUT), pool.executor());
            config.routes.get("/pages", picked::handle);
            config.routes.get("/threads", app::threads);
            config.routes.exception(ValidationException.class, Lab::badQueryParameter);
            // a future that fails with PagesFailed ends here, unwrapped, like an exception thrown by a handler
            config.routes.exception(PagesFailed.class, App::pagesFailed);
            config.routes.error(404, App::notFound);
            config.events.serverStopped(() -> {
                client.close();
                data.close();
            });
        });
    }
    // end::create[]

    // tag::asyncGetUrlsV1[]
    private void asyncGetUrlsV1(Context ctx) {
        List<String> urls = upstream.select(ctx.queryParam("set"));
        String requestThread = Thread.currentThread().getName();
        long started = System.nanoTime();
        List<PageResult> results = allAtOnce.fetchAll(urls).join(); // the request thread waits here
        renderUrls(ctx, "All at once, the request thread waiting", results, started, requestThread, "");
    }
    // end::asyncGetUrlsV1[]

    // tag::asyncGetUrlsV2[]
    private void asyncGetUrlsV2(Context ctx) {
        List<String> urls = upstream.select(ctx.queryParam("set"));
        Optional<Duration> deadline = deadlineFrom(ctx); // checked now: a bad value is a 400 before any call starts
        String requestThread = Thread.currentThread().getName();
        long started = System.nanoTime();
        // the handler returns at once; a request thread writes the page when the rows are in
        ctx.future(() -> deadline
                .map(limit -> withDeadline.fetchAll(urls, forTheCalls(limit)))
                .orElseGet(() -> allAtOnce.fetchAll(urls))
                // not thenAccept: that would render every page ended by a timeout on the JDK's one timer thread
                .thenAcceptAsync(results -> renderUrls(ctx, "All at once, the request thread released", results,
                        started, requestThread, deadline.map(limit -> deadlineNote(limit, results)).orElse("")), pool.executor()));
    }
    // end::asyncGetUrlsV2[]

    // tag::deadlineFrom[]
    private static Optional<Duration> deadlineFrom(Context ctx) {
        if (ctx.queryParam("deadline_ms") == null) {
            return Optional.empty(); // no deadline: wait for every page (each call still has its own timeout)
        }
        // a 400 naming the parameter unless it is a whole number from 10 to 3000
        return Optional.of(Lab.milliseconds(ctx, "deadline_ms", MIN_DEADLINE_MS, MIN_DEADLINE_MS, MAX_DEADLINE_MS));
    }
    // end::deadlineFrom[]

    // tag::forTheCalls[]
    /**
     * The calls' part of a page's deadline. Not all of it: the page is promised to the visitor by the
     * deadline, so rendering it, waiting for a request thread to write it and sending it must fit too.
     */
    static Duration forTheCalls(Duration pageDeadline) {
        return pageDeadline.multipliedBy(CALLS_SHARE_PERCENT).dividedBy(100);
    }
    // end::forTheCalls[]

    // tag::strictGetUrls[]
    private void strictGetUrls(Context ctx) {
        List<String> urls = upstream.select(ctx.queryParam("set"));
        String requestThread = Thread.currentThread().getName();
        long started = System.nanoTime();
        // on the request pool, as in /async_get_urls_v2: a call's own timeout completes its row on the timer thread
        ctx.future(() -> allAtOnce.fetchAll(urls).thenAcceptAsync(results -> {
            List<PageResult> failed = results.stream().filter(result -> !result.ok()).toList();
            if (!failed.isEmpty()) {
                throw new PagesFailed(failed, results.size()); // fails the future: Javalin calls the PagesFailed handler
            }
            renderUrls(ctx, "Every page, or nothing", results, started, requestThread, "");
        }, pool.executor()));
    }
    // end::strictGetUrls[]

    // tag::pagesFailed[]
    private static void pagesFailed(PagesFailed e, Context ctx) {
        // the visitor gets a page that says what happened; no stack trace, no internals
        ctx.status(502).render("error.jte", Map.of(
                "title", "Some pages could not be loaded",
                "message", e.getMessage() + ", and this page shows all of them or nothing. Try again in a moment.",
                "failed", e.failed()));
    }
    // end::pagesFailed[]

    // tag::dataBlocking[]
    private static void dataBlocking(Context ctx) throws InterruptedException {
        String requestThread = Thread.currentThread().getName();
        Thread.sleep(ScheduledData.DELAY.toMillis()); // the request thread sleeps: no other request can have it
        ctx.result(dataAnswer(ScheduledData.answerAfter(ScheduledData.DELAY), requestThread));
    }
    // end::dataBlocking[]

    // tag::data[]
    private void data(Context ctx) {
        String requestThread = Thread.currentThread().getName();
        // EXERCISE 4.2: answer with data.load() without holding the request thread while it loads
        String loaded = data.load().join(); // the request thread waits here, like Thread.sleep in /data_blocking
        ctx.result(dataAnswer(loaded, requestThread));
        // END EXERCISE 4.2
    }
    // end::data[]

    /** Names both threads, so the answer shows whether the request thread waited for the data. */
    private static String dataAnswer(String loaded, String requestThread) {
        return loaded + "\nasked on thread " + requestThread + ", answered on thread " + Thread.currentThread().getName() + "\n";
    }

    private void threads(Context ctx) {
        ctx.contentType("text/plain; charset=utf-8").result(pool.usage().toText());
    }

    private static String deadlineNote(Duration deadline, List<PageResult> results) {
        long missed = results.stream().filter(result -> result.outcome() == Outcome.TIMEOUT).count();
        return "Deadline " + deadline.toMillis() + " ms, " + forTheCalls(deadline).toMillis() + " of them for the calls: "
                + missed + " of " + results.size() + " pages had not answered in time.";
    }

    private static void renderUrls(Context ctx, String heading, List<PageResult> results, long startedNanos,
            String requestThread, String note) {
        ctx.render("urls.jte", Map.of(
                "heading", heading,
                "results", results,
                "wall", Duration.ofNanos(System.nanoTime() - startedNanos),
                "requestThread", requestThread,
                "answerThread", Thread.currentThread().getName(),
                "note", note));
    }

    private static void home(Context ctx) {
        ctx.render("index.jte", Map.of("routes", ROUTES));
    }

    private static void notFound(Context ctx) {
        ctx.render("not-found.jte", Map.of("path", ctx.path(), "routes", ROUTES));
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            int poolSize = CommandLine.parse(args).intOption("threads", Settings.DEFAULT_POOL_SIZE, Settings.MIN_POOL_SIZE, Settings.MAX_POOL_SIZE);
            settings = Settings.defaults().withPoolSize(poolSize);
        } catch (CommandLine.UsageException e) {
            System.err.println("Cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Launcher.chapter("Chapter 04 · Async handlers").tryPaths(ROUTES).run(args, upstream -> create(upstream, settings));
    }
}
