package dev.asyncjavalin.ch05;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import io.javalin.http.Context;
import io.javalin.http.TooManyRequestsResponse;
import io.javalin.http.UnauthorizedResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A before hook and an after hook that work as a pair: at most {@code perKey} requests of one API
 * key are in flight at once on the routes they guard, so one busy client cannot take every request
 * thread (or every upstream call) from the others.
 *
 * <p>Exercise 5.5 (stretch, optional): write this class from its specification in the chapter
 * README, section "Exercise 5.5 · at most K requests in flight per API key". Keep the signatures
 * below: the check wires {@code before("/api/*", limit::enter)} and {@code after("/api/*", limit::leave)}.
 */
final class InFlightLimit {

    // EXERCISE 5.5: at most K requests in flight per API key
    /** Marks a request that holds a place, so that leave() gives back only places that enter() gave. */
    private static final String HOLDS_PLACE = "inFlightLimit.key";

    private final int perKey;
    /** Requests in flight per key; a key leaves the map when its last request leaves, so it never grows. */
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    /** At most {@code perKey} requests of each key at once. */
    InFlightLimit(int perKey) {
        if (perKey < 1) {
            throw new IllegalArgumentException("at least one request per key must be let in, got " + perKey);
        }
        this.perKey = perKey;
    }

    /** The before hook: takes a place for the request, or throws a 401 (no key) or a 429 (no place left). */
    void enter(Context ctx) {
        String key = ctx.header(ApiKeyAuth.HEADER);
        if (key == null || key.isBlank()) {
            throw new UnauthorizedResponse("This route needs an API key. Send it in the " + ApiKeyAuth.HEADER + " header.");
        }
        // compute runs atomically per key: the check and the count are one step, and leave() cannot
        // remove the entry between them; throwing inside leaves the count as it was
        inFlight.compute(key, (k, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perKey) {
                throw new TooManyRequestsResponse("This API key already has " + perKey
                        + " requests in flight. Wait for one of them to finish, then try again.");
            }
            return now + 1;
        });
        ctx.attribute(HOLDS_PLACE, key);
    }

    /** The after hook: gives the request's place back, if {@link #enter} gave it one. */
    void leave(Context ctx) {
        String key = ctx.attribute(HOLDS_PLACE);
        if (key == null) {
            return; // refused, or never entered: it holds no place, and giving one back would raise the limit
        }
        ctx.attribute(HOLDS_PLACE, null); // once: a second call gives nothing back
        inFlight.compute(key, (k, count) -> count == null || count <= 1 ? null : count - 1); // null removes the key
    }

    /** Requests of {@code apiKey} in flight now. */
    int inFlight(String apiKey) {
        return inFlight.getOrDefault(apiKey, 0);
    }

    /** Keys that have a counter now: none once every request has left, however many keys came. */
    int keysTracked() {
        return inFlight.size();
    }
    // END EXERCISE 5.5
}
