package dev.asyncjavalin.ch09;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import java.util.ArrayList;
import java.util.List;

/**
 * Coordinated omission, and its usual correction. A client that waits for each answer before it
 * sends the next request sends nothing while the server stalls, so the requests it meant to send
 * then are never timed, and a stall of one second counts as one slow request instead of the many
 * that real users, arriving on their own clock, would have waited through.
 */
public final class CoordinatedOmission {

    private CoordinatedOmission() {
    }

    // tag::corrected[]
    /**
     * The measured wall times plus the ones a stall hid, as HdrHistogram's
     * {@code recordValueWithExpectedInterval} adds them: after each measured value {@code v}, the
     * values {@code v - interval}, {@code v - 2 * interval}, ..., as long as they are at least one
     * interval. In any order; the caller's list is left as it was.
     *
     * @param intervalMs how often the client meant to send a request; more than 0
     */
    static List<Long> corrected(List<Long> measuredMs, long intervalMs) {
        // EXERCISE 9.4: keep every measured value, and after each add the waits its stall hid, one interval apart
        if (intervalMs <= 0) {
            throw new IllegalArgumentException("the interval between requests must be more than 0 ms, got " + intervalMs);
        }
        List<Long> all = new ArrayList<>(measuredMs);
        for (long measured : measuredMs) {
            // the request meant for one interval later would have waited one interval less, and so on
            for (long hidden = measured - intervalMs; hidden >= intervalMs; hidden -= intervalMs) {
                all.add(hidden);
            }
        }
        return all;
        // END EXERCISE 9.4
    }
    // end::corrected[]
}
