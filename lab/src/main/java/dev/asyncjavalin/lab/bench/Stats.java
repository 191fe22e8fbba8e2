package dev.asyncjavalin.lab.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The few numbers the chapters' benchmarks print: medians, ratios and, over whole milliseconds,
 * percentiles. Chapter 09 writes its own percentile over fractional milliseconds (exercise 9.1);
 * this one stays on {@code long} values, for the chapters before it.
 */
public final class Stats {

    private Stats() {
    }

    /** The middle value; with an even count, the mean of the two middle ones. */
    public static double median(Collection<? extends Number> values) {
        List<Double> sorted = sorted(values);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** {@link #median} rounded to a whole millisecond, for a table printed with {@code %d}. */
    public static long medianMillis(Collection<Long> millis) {
        return Math.round(median(millis));
    }

    /**
     * The nearest-rank percentile: the smallest value that at least {@code percent}% of the values
     * are less than or equal to, so always a measured value. The rank is counted in whole numbers,
     * because in doubles {@code 7 / 100.0 * 100} is a hair above 7 and rounds up one rank too far.
     */
    public static long percentile(Collection<Long> millis, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("a percentile is between 1 and 100, got " + percent);
        }
        List<Double> sorted = sorted(millis);
        int rank = (percent * sorted.size() + 99) / 100;
        return sorted.get(rank - 1).longValue();
    }

    /** {@code numerator / denominator}, with a denominator of less than 1 (ms, calls) counted as 1: no infinities in a table. */
    public static double ratio(double numerator, double denominator) {
        return numerator / Math.max(1, denominator);
    }

    private static List<Double> sorted(Collection<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarize");
        }
        List<Double> sorted = new ArrayList<>(values.size());
        values.forEach(value -> sorted.add(value.doubleValue()));
        sorted.sort(null);
        return sorted;
    }
}
