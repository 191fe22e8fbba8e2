package dev.asyncjavalin.ch08;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import java.time.Duration;

/**
 * The value of a {@code Retry-After} header. HTTP counts it in whole seconds (RFC 9110's
 * delay-seconds), while the pools know their wait as a {@link Duration}.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    /** Whole seconds, rounded up, and never below 1: see the chapter README, "Exercise 8.4". */
    static long seconds(Duration wait) {
        // EXERCISE 8.4 Retry-After in whole seconds, rounded up
        throw new ExerciseNotSolved("8.4", "turn the wait into whole seconds for Retry-After, rounded up and at least 1");
        // END EXERCISE 8.4
    }
}
