package dev.asyncjavalin.ch05;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import io.javalin.http.Context;
import io.javalin.http.TooManyRequestsResponse;
import io.javalin.http.UnauthorizedResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A before hook that gives every API key a budget of requests on the routes it guards, and
 * refuses the rest with a 401 or a 429, whatever the method.
 *
 * <p>Exercise 5.3 (build it): write this class from its specification in the chapter README,
 * section "Exercise 5.3 · a request budget per API key". Keep the signatures below: the check
 * wires {@code config.routes.before("/api/*", budget::check)} into an app of its own.
 */
final class RequestBudget {

    // EXERCISE 5.3: a request budget per API key
    private final int requestsPerKey;
    /** Requests left per known key. Only known keys are in it, so no caller can make it grow. */
    private final Map<String, AtomicInteger> left = new ConcurrentHashMap<>();

    /** A budget of {@code requestsPerKey} requests for each of {@code apiKeys}; no other key gets in. */
    RequestBudget(Set<String> apiKeys, int requestsPerKey) {
        if (apiKeys.isEmpty() || requestsPerKey < 1) {
            throw new IllegalArgumentException("a request budget needs at least one API key and one request per key, got "
                    + apiKeys.size() + " keys and " + requestsPerKey + " requests");
        }
        this.requestsPerKey = requestsPerKey;
        apiKeys.forEach(key -> left.put(key, new AtomicInteger(requestsPerKey)));
    }

    /** The before hook: lets the request through and spends one request, or throws a 401 or a 429. */
    void check(Context ctx) {
        // no test of the method: HEAD, OPTIONS and methods nobody has heard of get in as easily as GET
        String key = ctx.header(ApiKeyAuth.HEADER);
        if (key == null || key.isBlank()) { // null first: Set.of and ConcurrentHashMap throw on a null lookup
            throw new UnauthorizedResponse("This route needs an API key. Send it in the " + ApiKeyAuth.HEADER + " header.");
        }
        AtomicInteger requestsLeft = left.get(key);
        if (requestsLeft == null) {
            throw new UnauthorizedResponse("The API key you sent is not one we know.");
        }
        // one atomic step: two requests at once cannot both take the last one, and a spent budget stays at 0
        if (requestsLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) == 0) {
            // throwing, not skipRemainingHandlers(): the after hooks still run, and the request log sees the 429
            throw new TooManyRequestsResponse("This API key has used all " + requestsPerKey
                    + " requests of its budget. Wait for the next refill, then try again.");
        }
    }

    /** Gives every key its whole budget again (the app calls it on a schedule; the check calls it itself). */
    void refill() {
        left.values().forEach(requestsLeft -> requestsLeft.set(requestsPerKey));
    }
    // END EXERCISE 5.3
}
