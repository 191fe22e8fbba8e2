package dev.asyncjavalin.ch09;

import java.util.List;

/**
 * A server that runs outside this JVM, such as the article's Flask app under gunicorn. The
 * benchmark cannot create it in-process as it creates the chapter's app, so it starts it on each
 * part's upstream and measures it by URL, with the same clients as every model.
 */
interface ExternalServer {

    /**
     * One route to measure.
     *
     * @param label what the tables call it, e.g. "Flask async v2"
     * @param path  e.g. "/async_get_urls_v2"; it answers a "URLs:" page with one result row per page
     */
    record Route(String label, String path) {
    }

    /** One line for the report's notes: what runs, in which versions, on how many threads. */
    String describe();

    List<Route> routes();

    /** Its request threads, as the load table shows them. */
    String threads();

    /**
     * How many requests it serves at once when each holds a thread for its whole wait, so that the
     * load run can print the bound threads / latency beside it; 0 when nothing but latency limits it.
     */
    int threadsForRequests();

    /**
     * Starts it, fetching the first {@code pages} recipe pages of the upstream at {@code upstreamBaseUrl};
     * it answers requests when this returns.
     */
    Running start(String upstreamBaseUrl, int pages);

    /** A started server. */
    interface Running extends AutoCloseable {

        /** e.g. "http://127.0.0.1:41234"; a route's path goes after it. */
        String baseUrl();

        /** CPU time its processes have used so far, in nanoseconds, all cores together: 0 if unknown. */
        long cpuNanos();

        /** Stops it and everything it started. */
        @Override
        void close();
    }
}
