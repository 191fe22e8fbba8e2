package dev.asyncjavalin.ch09;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where a blocking route stops scaling. Each request holds a request thread for one upstream
 * latency, so {@code threads} threads finish at most {@code threads / latency} requests per
 * second, however many clients wait: more clients add waiting, not throughput.
 */
public final class Saturation {

    /**
     * One step of a sweep: this many clients at once got this many answers per second.
     */
    public record LoadPoint(int clients, double throughput) {
    }

    private Saturation() {
    }

    // tag::predictedCeiling[]
    /** The most requests per second that {@code threads} blocked threads can finish. */
    static double predictedCeiling(int threads, Duration latency) {
        return threads / (latency.toNanos() / 1e9);
    }
    // end::predictedCeiling[]

    // tag::knee[]
    /**
     * The knee of a sweep: the fewest clients whose throughput already reaches 90% of the highest
     * throughput measured. Past it, adding clients adds (almost) nothing. Empty when that point is
     * the sweep's last one: throughput was still rising, so the sweep never reached the ceiling.
     *
     * @param sweep points in any order; at least one
     */
    static Optional<LoadPoint> knee(List<LoadPoint> sweep) {
        // EXERCISE 9.2: sort by clients, find the ceiling (highest throughput), return the first point at >= 90% of it
        if (sweep.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one point");
        }
        List<LoadPoint> byClients = sweep.stream().sorted((a, b) -> Integer.compare(a.clients(), b.clients())).toList();
        double ceiling = byClients.stream().mapToDouble(LoadPoint::throughput).max().orElseThrow();
        LoadPoint knee = byClients.stream().filter(point -> point.throughput() >= 0.9 * ceiling).findFirst().orElseThrow();
        boolean stillRising = knee.equals(byClients.get(byClients.size() - 1));
        return stillRising ? Optional.empty() : Optional.of(knee);
        // END EXERCISE 9.2
    }
    // end::knee[]
}
