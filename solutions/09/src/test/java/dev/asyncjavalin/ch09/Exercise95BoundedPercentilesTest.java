package dev.asyncjavalin.ch09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Fixed data only: a seeded sequence of latencies, compared with the exact nearest-rank answer of exercise 9.1. */
@Tag("exercise")
@DisplayName("9.5 percentiles in bounded memory")
class Exercise95BoundedPercentilesTest {

    /** An hour in milliseconds: the largest latency a load run would keep. */
    private static final long HOUR_MS = 3_600_000;

    // tag::bounded[]
    @Test
    @DisplayName("100,000 latencies up to a minute: every percentile within 1/128 of the exact one, never below it")
    void withinTheStatedError() {
        long[] latencies = latencies(100_000);
        LogLinearHistogram histogram = new LogLinearHistogram(HOUR_MS, 7);
        LongStream.of(latencies).forEach(histogram::record);
        assertThat(histogram.count()).as("Exercise 9.5: count() after 100,000 values").isEqualTo(100_000);
        assertEveryPercentile(histogram, latencies, 7);
    }

    @Test
    @DisplayName("its memory is fixed by the highest value and the precision, never by how many values it saw")
    void boundedMemory() throws IllegalAccessException {
        LogLinearHistogram histogram = new LogLinearHistogram(HOUR_MS, 7);
        long[] latencies = latencies(100_000);
        LongStream.of(latencies).limit(1_000).forEach(histogram::record);
        long afterThousand = numbersHeld(histogram);
        LongStream.of(latencies).skip(1_000).forEach(histogram::record);
        long afterHundredThousand = numbersHeld(histogram);
        assertThat(afterHundredThousand).as("Exercise 9.5: the numbers the histogram's fields hold grew from %d after 1,000 values"
                + " to %d after 100,000: a histogram keeps one count per bucket, not the values", afterThousand, afterHundredThousand)
                .isEqualTo(afterThousand);
        long limit = (1L << 7) * (floorLog2(HOUR_MS) + 2); // 2^b x (floor(log2 highest) + 2) = 2,944
        assertThat((long) histogram.bucketCount()).as("Exercise 9.5: buckets for values up to an hour in ms at 7 bits: at most"
                + " 2^7 x (21 + 2) = %d; one bucket per value would be 3,600,001. Above 2^(b+1), each power of two gets 2^b buckets", limit)
                .isLessThanOrEqualTo(limit);
        assertThat(afterHundredThousand).as("Exercise 9.5: the histogram's fields hold %d numbers for %d buckets: one count per"
                + " bucket and a few more", afterHundredThousand, histogram.bucketCount())
                .isLessThanOrEqualTo(histogram.bucketCount() + 16L);
    }
    // end::bounded[]

    @Test
    @DisplayName("fewer bits, coarser buckets: at 3 bits every percentile is within 1/8, with fewer buckets than at 7")
    void precisionIsAParameter() {
        long[] latencies = latencies(20_000);
        LogLinearHistogram coarse = new LogLinearHistogram(HOUR_MS, 3);
        LongStream.of(latencies).forEach(coarse::record);
        assertEveryPercentile(coarse, latencies, 3);
        assertThat(coarse.bucketCount()).as("Exercise 9.5: 3 bits need fewer buckets than 7 bits: the precision is the"
                + " constructor's parameter, not a constant").isLessThan(new LogLinearHistogram(HOUR_MS, 7).bucketCount());
    }

    @Test
    @DisplayName("small values have a bucket each: the percentiles of 1..100 and of 1..7 are exact")
    void smallValuesAreExact() {
        for (int n : new int[] {100, 7}) {
            long[] values = LongStream.rangeClosed(1, n).toArray();
            LogLinearHistogram histogram = new LogLinearHistogram(HOUR_MS, 7);
            LongStream.rangeClosed(1, n).map(i -> n + 1 - i).forEach(histogram::record); // the order must not matter
            for (int p = 1; p <= 100; p++) {
                long exact = exact(values, p);
                long estimate = histogram.percentile(p);
                String mistake = estimate == exact - 1 ? ": one rank too low; the rank is p% of the count rounded up, as in 9.1"
                        : estimate == exact + 1 ? ": one rank too far; the rank is p% of the count rounded up, as in 9.1" : "";
                assertThat(estimate).as("Exercise 9.5: p%d of 1..%d: below 2^(b+1) = 256 every value has its own bucket, so the"
                        + " answer is exact%s", p, n, mistake).isEqualTo(exact);
            }
        }
    }

    @Test
    @DisplayName("0 and the highest value are recorded; anything outside, a bad percentile or no values at all is refused")
    void edges() {
        LogLinearHistogram histogram = new LogLinearHistogram(HOUR_MS, 7);
        assertThatExceptionOfType(IllegalStateException.class).as("Exercise 9.5: a percentile of no values")
                .isThrownBy(() -> histogram.percentile(50));
        histogram.record(0);
        histogram.record(HOUR_MS);
        assertThat(histogram.percentile(50)).as("Exercise 9.5: p50 of {0, an hour}").isZero();
        assertThat(histogram.percentile(100)).as("Exercise 9.5: p100 of {0, an hour}: the top of the highest value's bucket")
                .isBetween(HOUR_MS, HOUR_MS + HOUR_MS / 128);
        assertThatExceptionOfType(IllegalArgumentException.class).as("Exercise 9.5: a value above the highest")
                .isThrownBy(() -> histogram.record(HOUR_MS + 1));
        assertThatExceptionOfType(IllegalArgumentException.class).as("Exercise 9.5: a negative value")
                .isThrownBy(() -> histogram.record(-1));
        assertThatExceptionOfType(IllegalArgumentException.class).as("Exercise 9.5: p0")
                .isThrownBy(() -> histogram.percentile(0));
        assertThatExceptionOfType(IllegalArgumentException.class).as("Exercise 9.5: p101")
                .isThrownBy(() -> histogram.percentile(101));
        assertThat(histogram.count()).as("Exercise 9.5: refused values are not counted").isEqualTo(2);
    }

    /** Exact (by 9.1's definition) <= estimate < exact x (1 + 2^-bits), for every whole p; names the mistake when not. */
    private static void assertEveryPercentile(LogLinearHistogram histogram, long[] values, int bits) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int p = 1; p <= 100; p++) {
            long exact = exact(sorted, p);
            long estimate = histogram.percentile(p);
            if (estimate < exact) {
                throw new AssertionError("Exercise 9.5: p" + p + " is " + exact + " exactly; the estimate " + estimate + " is below"
                        + " it: answer with the highest value the bucket holds, so that the estimate is never below the exact answer");
            }
            if (estimate - exact > exact >> bits) {
                throw new AssertionError("Exercise 9.5: p" + p + " is " + exact + " exactly; the estimate " + estimate + " is off by"
                        + " more than 1/" + (1 << bits) + " of it, the relative error that " + bits + " precision bits promise:"
                        + " each power of two needs 2^" + bits + " buckets of equal width, and the rank must be ceil(p x count / 100)");
            }
        }
    }

    /** The nearest rank by its definition, of sorted values: the smallest value that at least p% of all values are at most. */
    private static long exact(long[] sorted, int p) {
        int index = 0;
        while ((index + 1) * 100L < (long) p * sorted.length) {
            index++;
        }
        return sorted[index];
    }

    /** Latencies as a load run sees them: most around 1 s, a tail of slow ones, a few up to a minute. Seeded: fixed data. */
    private static long[] latencies(int count) {
        SplittableRandom random = new SplittableRandom(2021);
        return LongStream.range(0, count).map(i -> {
            double draw = random.nextDouble();
            long base = 900 + (long) (-200 * Math.log(1 - random.nextDouble()));
            return draw < 0.98 ? base : draw < 0.999 ? base * 8 : Math.min(60_000, base * 40);
        }).toArray();
    }

    /** How many numbers the histogram's own fields hold: an array's length, a collection's or map's size, 1 for anything else. */
    private static long numbersHeld(Object histogram) throws IllegalAccessException {
        long numbers = 0;
        for (Field field : histogram.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            Object value = field.get(histogram);
            if (value != null && value.getClass().isArray()) {
                numbers += Array.getLength(value);
            } else if (value instanceof Collection<?> collection) {
                numbers += collection.size();
            } else if (value instanceof Map<?, ?> map) {
                numbers += map.size();
            } else {
                numbers++;
            }
        }
        return numbers;
    }

    private static long floorLog2(long value) {
        return 63 - Long.numberOfLeadingZeros(value);
    }
}
