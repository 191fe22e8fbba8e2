package dev.asyncjavalin.ch09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("9.1 percentiles by the nearest-rank method")
class Exercise91PercentilesTest {

    private static final List<Double> ONE_TO_HUNDRED = IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList();

    // tag::percentiles[]
    @Test
    @DisplayName("of the values 1..100, p95 is 95 and p99 is 99")
    void oneToHundred() {
        assertThat(Statistics.percentile(ONE_TO_HUNDRED, 95)).as("Exercise 9.1: p95 of 1..100").isEqualTo(95.0);
        assertThat(Statistics.percentile(ONE_TO_HUNDRED, 99)).as("Exercise 9.1: p99 of 1..100").isEqualTo(99.0);
    }

    @Test
    @DisplayName("of 10 request times, p95 is the slowest one: 95% of 10 is 9.5, rounded up to rank 10")
    void tenValues() {
        List<Double> wallMs = List.of(1190.0, 1185.0, 1201.0, 1188.0, 1350.0, 1187.0, 1192.0, 1186.0, 1189.0, 1191.0);
        assertThat(Statistics.percentile(wallMs, 95)).as("Exercise 9.1: p95 of 10 values").isEqualTo(1350.0);
        assertThat(Statistics.percentile(wallMs, 50)).as("Exercise 9.1: p50 of 10 values (rank 5)").isEqualTo(1189.0);
    }
    // end::percentiles[]

    @Test
    @DisplayName("every p from 1 to 100, of 1, 7, 10, 50 and 100 values, is the smallest value that at least p% of them are at most")
    void everyWholePercentile() {
        for (int n : new int[] {100, 50, 10, 7, 1}) {
            List<Double> values = IntStream.rangeClosed(1, n).mapToObj(i -> (double) i).toList();
            for (int p = 1; p <= 100; p++) {
                double expected = byDefinition(values, p);
                double actual;
                try {
                    actual = Statistics.percentile(values, p);
                } catch (IndexOutOfBoundsException e) {
                    throw new AssertionError("Exercise 9.1: p" + p + " of the values 1.." + n + " asked for a rank outside 1.." + n
                            + " (" + e.getMessage() + "): round the rank up, never down, and read it at index rank - 1", e);
                }
                if (actual != expected) {
                    fail("Exercise 9.1: p" + p + " of the values 1.." + n + " is " + expected + " (at least " + p + "% of the "
                            + n + " values are at most it), not " + actual + ": " + mistake(actual, expected));
                }
            }
        }
    }

    /** What a rank one off in either direction says about the answer. */
    private static String mistake(double actual, double expected) {
        if (actual == expected + 1) {
            return "one rank too far. Lists count from 0, so rank r is at index r - 1; and a rank computed in doubles can"
                    + " land a hair above a whole number (7 / 100.0 * 100 is 7.000000000000001), whose ceiling is one too many:"
                    + " count the rank in whole numbers";
        }
        if (actual == expected - 1) {
            return "one rank too low: the rank is p% of n rounded up (9.1 values make rank 10), never down or to the nearest";
        }
        return "the value at rank ceil(p * n / 100), counting from 1";
    }

    /** The nearest-rank definition itself, value by value: the first one that at least p% of all are at most. */
    private static double byDefinition(List<Double> sorted, int p) {
        for (double candidate : sorted) {
            long atMost = sorted.stream().filter(value -> value <= candidate).count();
            if (atMost * 100 >= (long) p * sorted.size()) {
                return candidate;
            }
        }
        throw new IllegalStateException("p100 is always the largest value");
    }

    @Test
    @DisplayName("the input order does not matter, and the input is left as it was")
    void anyOrder() {
        List<Double> shuffled = new ArrayList<>(ONE_TO_HUNDRED);
        Collections.reverse(shuffled);
        List<Double> before = List.copyOf(shuffled);
        assertThat(Statistics.percentile(shuffled, 95)).as("Exercise 9.1: p95 of 100..1").isEqualTo(95.0);
        assertThat(shuffled).as("Exercise 9.1: sort a copy, not the caller's list").isEqualTo(before);
    }

    @Test
    @DisplayName("p100 is the maximum, and one value is every percentile of itself")
    void edges() {
        assertThat(Statistics.percentile(ONE_TO_HUNDRED, 100)).as("Exercise 9.1: p100").isEqualTo(100.0);
        assertThat(Statistics.percentile(List.of(42.0), 1)).as("Exercise 9.1: p1 of one value").isEqualTo(42.0);
        assertThat(Statistics.percentile(List.of(42.0), 99)).as("Exercise 9.1: p99 of one value").isEqualTo(42.0);
    }

    @Test
    @DisplayName("a percentile outside (0, 100] is refused with a clear message")
    void outOfRange() {
        assertThatExceptionOfType(IllegalArgumentException.class).as("Exercise 9.1: p0 must be refused")
                .isThrownBy(() -> Statistics.percentile(ONE_TO_HUNDRED, 0));
        assertThatExceptionOfType(IllegalArgumentException.class).as("Exercise 9.1: p101 must be refused")
                .isThrownBy(() -> Statistics.percentile(ONE_TO_HUNDRED, 101));
    }

    @Test
    @DisplayName("a summary carries p95 and p99")
    void summaryHasPercentiles() {
        Statistics.Summary summary = Statistics.summarize(ONE_TO_HUNDRED);
        assertThat(summary.p95()).as("Exercise 9.1: the summary's p95").isEqualTo(95.0);
        assertThat(summary.p99()).as("Exercise 9.1: the summary's p99").isEqualTo(99.0);
    }
}
