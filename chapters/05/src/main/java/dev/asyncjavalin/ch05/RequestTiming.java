package dev.asyncjavalin.ch05;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A before hook and an after hook that bracket every request: the first gives it an id and
 * starts the clock, the second says how long the app took. The request log, the error page and
 * the alert all quote the same id, so one failed request can be followed from end to end.
 */
final class RequestTiming {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** What an incoming id may look like: short, and nothing that could break a log line or a header. */
    static final Pattern VALID_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final String STARTED = "startedNanos";
    private static final String REQUEST_ID = "requestId";

    private RequestTiming() {
    }

    // EXERCISE 5.1: request id and Server-Timing hooks
    // tag::start[]
    static void start(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
        String requestId = requestIdFor(ctx.header(REQUEST_ID_HEADER));
        ctx.attribute(REQUEST_ID, requestId);
        // 5.1: tell the caller the id (the X-Request-Id response header)
    }
    // end::start[]

    // tag::requestIdFor[]
    /** The id to use for a request that came with {@code incoming} (null when it came without one). */
    static String requestIdFor(String incoming) {
        // 5.1: keep a valid incoming id (VALID_REQUEST_ID), make a new one otherwise
        return newRequestId();
    }
    // end::requestIdFor[]

    // tag::finish[]
    static void finish(Context ctx) {
        // 5.1: add the header "Server-Timing: app;dur=<milliseconds>", e.g. app;dur=12.3 (millis() formats it)
    }
    // end::finish[]
    // END EXERCISE 5.1

    static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    static String requestId(Context ctx) {
        return ctx.attribute(REQUEST_ID);
    }

    /** Time since {@link #start} ran for this request. */
    static Duration elapsed(Context ctx) {
        Long started = ctx.attribute(STARTED);
        return started == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
    }

    /** Milliseconds with one decimal and a dot whatever the locale, as headers and logs want them. */
    static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1_000_000.0);
    }
}
