package dev.asyncjavalin.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long each page took, seen from the client, and how many went over a limit. A page that
 * never came (refused, reset, not 200) counts as over: a missing page did not meet its deadline.
 */
final class PageTimes {

    private final List<Long> answeredMillis = new ArrayList<>();
    private int missing;
    private String firstMissing = "";

    synchronized void answered(Duration took) {
        answeredMillis.add(took.toMillis());
    }

    synchronized void missing(String why) {
        if (missing++ == 0) {
            firstMissing = why;
        }
    }

    /** Pages over {@code limit}, missing ones included. */
    synchronized long over(Duration limit) {
        return answeredMillis.stream().filter(millis -> millis > limit.toMillis()).count() + missing;
    }

    synchronized int pages() {
        return answeredMillis.size() + missing;
    }

    synchronized int missing() {
        return missing;
    }

    synchronized String firstMissing() {
        return firstMissing;
    }

    /** The {@code percent} percentile of the answered pages' times (nearest rank), 0 when none answered. */
    synchronized long percentile(double percent) {
        if (answeredMillis.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(answeredMillis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** A limit {@code percent} % above {@code deadline}: the slack every page is allowed for writing its answer. */
    static Duration withSlack(Duration deadline, int percent) {
        return Duration.ofNanos(deadline.toNanos() + deadline.toNanos() * percent / 100);
    }
}
