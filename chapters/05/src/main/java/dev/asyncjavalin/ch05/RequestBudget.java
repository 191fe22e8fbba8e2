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
    /** A budget of {@code requestsPerKey} requests for each of {@code apiKeys}; no other key gets in. */
    RequestBudget(Set<String> apiKeys, int requestsPerKey) {
        // your fields and checks here
    }

    /** The before hook: lets the request through and spends one request, or throws a 401 or a 429. */
    void check(Context ctx) {
        throw new ExerciseNotSolved("5.3", "write RequestBudget from its specification: a 401 without a known key,"
                + " a 429 once the key's budget is spent, on every method");
    }

    /** Gives every key its whole budget again (the app calls it on a schedule; the check calls it itself). */
    void refill() {
        throw new ExerciseNotSolved("5.3", "refill() gives every key its whole budget again");
    }
    // END EXERCISE 5.3
}
