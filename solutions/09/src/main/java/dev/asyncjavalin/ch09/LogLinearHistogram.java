package dev.asyncjavalin.ch09;

import dev.asyncjavalin.lab.ExerciseNotSolved;

/**
 * Exercise 9.5 (stretch): percentiles of millions of values in a fixed, small amount of memory,
 * within a stated relative error, the way HdrHistogram keeps a load run's latencies. You write
 * the whole body from the specification in the chapter README, section
 * "Exercise 9.5 · percentiles in bounded memory".
 */
public final class LogLinearHistogram {

    // EXERCISE 9.5: log/linear buckets: the fields, the constructor and the four methods (see the README section "Exercise 9.5")
    private final long highest;
    private final int precisionBits;
    /** One count per bucket: the whole memory, fixed by highest and precisionBits, never by how many values came. */
    private final long[] counts;
    private long total;

    /** Values from 0 to {@code highest}; percentiles within 1 / 2^{@code precisionBits} of the exact one, relative. */
    LogLinearHistogram(long highest, int precisionBits) {
        if (highest < 1 || precisionBits < 1 || precisionBits > 20) {
            throw new IllegalArgumentException("need highest >= 1 and precisionBits from 1 to 20, got " + highest + " and " + precisionBits);
        }
        this.highest = highest;
        this.precisionBits = precisionBits;
        this.counts = new long[bucketOf(highest) + 1];
    }

    void record(long value) {
        if (value < 0 || value > highest) {
            throw new IllegalArgumentException("a value from 0 to " + highest + " was expected, got " + value);
        }
        counts[bucketOf(value)]++;
        total++;
    }

    long count() {
        return total;
    }

    long percentile(int p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("a percentile is from 0 (excluded) to 100, got " + p);
        }
        if (total == 0) {
            throw new IllegalStateException("no values recorded yet");
        }
        long rank = (p * total + 99) / 100; // the nearest rank, as in exercise 9.1, counted over the buckets
        long seen = 0;
        for (int bucket = 0; bucket < counts.length; bucket++) {
            seen += counts[bucket];
            if (seen >= rank) {
                return highestIn(bucket); // never below the exact answer, and less than one bucket width above it
            }
        }
        throw new IllegalStateException("the counts add up to " + seen + ", fewer than " + total);
    }

    int bucketCount() {
        return counts.length;
    }

    /**
     * Below 2^(precisionBits + 1) every value has its own bucket. Above, each power of two [2^k, 2^(k+1))
     * is cut into 2^precisionBits buckets of equal width 2^(k - precisionBits): a width that is never
     * more than 1 / 2^precisionBits of the values it holds.
     */
    private int bucketOf(long value) {
        int shift = Math.max(0, 63 - Long.numberOfLeadingZeros(value) - precisionBits);
        return (int) ((long) shift << precisionBits) + (int) (value >>> shift);
    }

    private long highestIn(int bucket) {
        int shift = Math.max(0, (bucket >> precisionBits) - 1);
        long scaled = bucket - ((long) shift << precisionBits); // the value shifted right by shift: its top bits
        return ((scaled + 1) << shift) - 1;
    }
    // END EXERCISE 9.5
}
