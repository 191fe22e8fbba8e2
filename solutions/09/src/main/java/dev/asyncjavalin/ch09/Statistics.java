package dev.asyncjavalin.ch09;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The few numbers a timing table needs. A mean hides the slow few; a median shows the typical
 * request; a high percentile (p95, p99) shows what the unluckiest users wait.
 */
public final class Statistics {

    private Statistics() {
    }

    /**
     * A summary of measured values (milliseconds, or requests per second).
     *
     * @param p95 95% of the values are at most this
     * @param p99 99% of the values are at most this
     */
    public record Summary(int count, double mean, double median, double p95, double p99, double min, double max) {
    }

    static Summary summarize(List<Double> values) {
        List<Double> sorted = sorted(values);
        return new Summary(sorted.size(), mean(sorted), median(sorted), percentile(sorted, 95), percentile(sorted, 99),
                sorted.get(0), sorted.get(sorted.size() - 1));
    }

    static double mean(List<Double> values) {
        requireSome(values);
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.size();
    }

    // tag::median[]
    /** The middle value; with an even count, the mean of the two middle ones. */
    static double median(List<Double> values) {
        List<Double> sorted = sorted(values);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
    // end::median[]

    // tag::percentile[]
    /**
     * The {@code p}-th percentile by the nearest-rank method: the smallest measured value that at
     * least {@code p}% of all values are less than or equal to. Always one of the values, never
     * an interpolation. {@code p} is a whole number in (0, 100]; the 100th percentile is the maximum.
     */
    static double percentile(List<Double> values, int p) {
        // EXERCISE 9.1: sort, find the rank ceil(p * n / 100) in whole numbers, return the value at that rank (1-based)
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("a percentile is from 0 (excluded) to 100, got " + p);
        }
        List<Double> sorted = sorted(values);
        // ceil(p * n / 100) in whole numbers: in doubles, 7 / 100.0 * 100 is 7.000000000000001, one rank too far
        long rank = (p * (long) sorted.size() + 99) / 100; // 1-based: the rank-th smallest value
        return sorted.get((int) rank - 1);
        // END EXERCISE 9.1
    }
    // end::percentile[]

    private static List<Double> sorted(List<Double> values) {
        requireSome(values);
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    private static void requireSome(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarize");
        }
    }
}
