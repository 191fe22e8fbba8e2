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
    /** Values from 0 to {@code highest}; percentiles within 1 / 2^{@code precisionBits} of the exact one, relative. */
    LogLinearHistogram(long highest, int precisionBits) {
        throw new ExerciseNotSolved("9.5", "write LogLinearHistogram from the README's specification (a stretch exercise, optional)");
    }

    void record(long value) {
        throw new ExerciseNotSolved("9.5", "write LogLinearHistogram.record");
    }

    long count() {
        throw new ExerciseNotSolved("9.5", "write LogLinearHistogram.count");
    }

    long percentile(int p) {
        throw new ExerciseNotSolved("9.5", "write LogLinearHistogram.percentile");
    }

    int bucketCount() {
        throw new ExerciseNotSolved("9.5", "write LogLinearHistogram.bucketCount");
    }
    // END EXERCISE 9.5
}
