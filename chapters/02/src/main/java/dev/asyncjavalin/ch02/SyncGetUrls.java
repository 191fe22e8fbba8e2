package dev.asyncjavalin.ch02;

import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.pages.PageResult;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code /sync_get_urls}: the article's route. It fetches every page one after another while the
 * request's server thread waits, then renders one row per page with its status and time.
 */
final class SyncGetUrls {

    /** Per-call timeout when {@code ?timeout=} is absent: above the upstream's slowest page (1.5 s). */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(2000);
    static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    static final Duration MAX_TIMEOUT = Duration.ofMillis(10_000);

    private final UpstreamUrls upstream;
    private final SequentialFetcher fetcher;

    SyncGetUrls(UpstreamUrls upstream, SequentialFetcher fetcher) {
        this.upstream = upstream;
        this.fetcher = fetcher;
    }

    // tag::handle[]
    void handle(Context ctx) {
        List<String> urls = upstream.select(ctx.queryParam("set")); // ?set=pages (default) or ?set=faults, else 400
        Duration timeout = timeoutFrom(ctx);
        long start = System.nanoTime();
        List<PageResult> results = fetcher.fetchAll(urls, timeout);
        long wallMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        ctx.render("urls.jte", Map.of(
                "results", results,
                "timeoutMillis", timeout.toMillis(),
                "wallMillis", wallMillis,
                "sumMillis", PageResult.sum(results).toMillis()));
    }
    // end::handle[]

    static Duration timeoutFrom(Context ctx) {
        // EXERCISE 2.2: read ?timeout= (whole milliseconds from 100 to 10000; 2000 when absent)
        return DEFAULT_TIMEOUT;
        // END EXERCISE 2.2
    }
}
