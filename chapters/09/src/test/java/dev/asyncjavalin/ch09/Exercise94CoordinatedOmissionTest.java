package dev.asyncjavalin.ch09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("9.4 what a stall hid")
class Exercise94CoordinatedOmissionTest {

    // tag::stall[]
    @Test
    @DisplayName("one stall of 1 s among 99 answers of 10 ms: measured p90 is 10 ms, corrected it is 810 ms")
    void stallShowsInThePercentiles() {
        List<Long> measured = new ArrayList<>(Collections.nCopies(99, 10L));
        measured.add(1000L);
        List<Long> corrected = CoordinatedOmission.corrected(measured, 10);
        assertSameValues(measured, 10, corrected, expected(measured, 10));
        assertThat(nearestRank(measured, 90)).as("measured p90").isEqualTo(10);
        assertThat(nearestRank(corrected, 90)).as("Exercise 9.4: corrected p90: the 99 requests the stall held back waited"
                + " 990, 980, ..., 10 ms").isEqualTo(810);
    }
    // end::stall[]

    @Test
    @DisplayName("answers that never take longer than the interval hide nothing")
    void noStallNoChange() {
        List<Long> measured = List.of(10L, 12L, 9L, 100L, 11L);
        assertSameValues(measured, 100, CoordinatedOmission.corrected(measured, 100), measured);
    }

    @Test
    @DisplayName("a wait of exactly two intervals hid one request, which waited one interval; one interval and a bit hid none")
    void boundaries() {
        assertSameValues(List.of(200L), 100, CoordinatedOmission.corrected(List.of(200L), 100), List.of(200L, 100L));
        assertSameValues(List.of(101L), 100, CoordinatedOmission.corrected(List.of(101L), 100), List.of(101L));
        assertSameValues(List.of(350L), 100, CoordinatedOmission.corrected(List.of(350L), 100), List.of(350L, 250L, 150L));
    }

    @Test
    @DisplayName("every stall adds its own hidden waits, and the caller's list is left as it was")
    void everyStall() {
        List<Long> measured = new ArrayList<>(List.of(30L, 500L, 20L, 250L));
        List<Long> before = List.copyOf(measured);
        List<Long> corrected = CoordinatedOmission.corrected(measured, 100);
        assertThat(measured).as("Exercise 9.4: return a new list; the caller's measured values stay as they were").isEqualTo(before);
        assertSameValues(before, 100, corrected, List.of(30L, 500L, 400L, 300L, 200L, 100L, 20L, 250L, 150L));
    }

    @Test
    @DisplayName("an interval of 0 or less is refused: the hidden waits would never end")
    void intervalMustBePositive() {
        assertThatExceptionOfType(IllegalArgumentException.class).as("Exercise 9.4: an interval of 0 ms")
                .isThrownBy(() -> CoordinatedOmission.corrected(List.of(10L), 0));
        assertThatExceptionOfType(IllegalArgumentException.class).as("Exercise 9.4: an interval of -5 ms")
                .isThrownBy(() -> CoordinatedOmission.corrected(List.of(10L), -5));
    }

    /** The definition, value by value: v, then v - interval, v - 2 * interval, ... while at least one interval. */
    private static List<Long> expected(List<Long> measured, long interval) {
        List<Long> all = new ArrayList<>(measured);
        for (long v : measured) {
            LongStream.iterate(v - interval, hidden -> hidden >= interval, hidden -> hidden - interval).forEach(all::add);
        }
        return all;
    }

    /** Compares as multisets, and names the usual mistakes. */
    private static void assertSameValues(List<Long> measured, long interval, List<Long> actual, List<Long> expected) {
        List<Long> sortedActual = actual.stream().sorted().toList();
        List<Long> sortedExpected = expected.stream().sorted().toList();
        if (sortedActual.equals(sortedExpected)) {
            return;
        }
        String mistake;
        List<Long> missing = new ArrayList<>(sortedExpected);
        sortedActual.forEach(missing::remove);
        List<Long> extra = new ArrayList<>(sortedActual);
        sortedExpected.forEach(extra::remove);
        if (!missing.isEmpty() && missing.stream().allMatch(v -> v == interval)) {
            mistake = "a hidden request that waited exactly one interval is missing: keep going while the wait is at least"
                    + " one interval (>=, not >)";
        } else if (extra.stream().anyMatch(v -> v < interval)) {
            mistake = "a hidden wait under one interval (" + extra + ") is not one the stall caused: stop once the wait would be"
                    + " under one interval";
        } else if (extra.stream().anyMatch(measured::contains)) {
            mistake = "the measured values appear more than once (" + extra + "): each hidden request waited one interval less"
                    + " than the one before it, starting at v - interval";
        } else if (!missing.isEmpty() && missing.stream().allMatch(measured::contains)) {
            mistake = "measured values are missing (" + missing + "): keep every measured value and add the hidden ones";
        } else {
            mistake = "missing " + missing + ", unexpected " + extra
                    + ": after each measured v come v - interval, v - 2 * interval, ... while at least one interval";
        }
        throw new AssertionError("Exercise 9.4: the wall times " + show(measured) + " with a request meant every " + interval
                + " ms, corrected, are " + show(sortedExpected) + " in some order, not " + show(sortedActual) + ": " + mistake);
    }

    /** By the definition of exercise 9.1: the smallest value that at least p% of all values are at most. */
    private static long nearestRank(List<Long> values, int p) {
        return values.stream().sorted()
                .filter(candidate -> values.stream().filter(v -> v <= candidate).count() * 100 >= (long) p * values.size())
                .findFirst().orElseThrow();
    }

    /** A long list, shortened for a failure message. */
    private static String show(List<Long> values) {
        return values.size() <= 12 ? values.toString()
                : values.subList(0, 10) + " ... (" + values.size() + " values, the largest " + values.get(values.size() - 1) + ")";
    }
}
