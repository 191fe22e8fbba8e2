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
    /** At most {@code perKey} requests of each key at once. */
    InFlightLimit(int perKey) {
        // your fields here
    }

    /** The before hook: takes a place for the request, or throws a 401 (no key) or a 429 (no place left). */
    void enter(Context ctx) {
        throw new ExerciseNotSolved("5.5", "write InFlightLimit from its specification: enter() takes a place,"
                + " leave() gives it back once, and only for a request that got one");
    }

    /** The after hook: gives the request's place back, if {@link #enter} gave it one. */
    void leave(Context ctx) {
        throw new ExerciseNotSolved("5.5", "leave() gives back the place enter() took, once");
    }

    /** Requests of {@code apiKey} in flight now. */
    int inFlight(String apiKey) {
        throw new ExerciseNotSolved("5.5", "inFlight(key) says how many requests of that key are in flight");
    }

    /** Keys that have a counter now: none once every request has left, however many keys came. */
    int keysTracked() {
        throw new ExerciseNotSolved("5.5", "keysTracked() says how many keys have a counter");
    }
    // END EXERCISE 5.5
}
