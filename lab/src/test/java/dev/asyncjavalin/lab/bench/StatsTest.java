package dev.asyncjavalin.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatsTest {

    private static final List<Long> ONE_TO_HUNDRED = LongStream.rangeClosed(1, 100).boxed().toList();

    @Test
    @DisplayName("the median of an odd count is the middle value, whatever the order")
    void medianOdd() {
        assertThat(Stats.median(List.of(30L, 10L, 20L))).isEqualTo(20.0);
        assertThat(Stats.median(List.of(7L))).isEqualTo(7.0);
    }

    @Test
    @DisplayName("the median of an even count is the mean of the two middle values")
    void medianEven() {
        assertThat(Stats.median(List.of(40L, 10L, 30L, 20L))).isEqualTo(25.0);
        assertThat(Stats.median(List.of(1.5, 2.0))).isEqualTo(1.75);
        assertThat(Stats.medianMillis(List.of(10L, 11L))).as("10.5 rounds half up").isEqualTo(11);
    }

    @Test
    @DisplayName("a percentile's rank is p% of n rounded up, counted in whole numbers")
    void percentileRanks() {
        assertThat(Stats.percentile(ONE_TO_HUNDRED, 95)).isEqualTo(95);
        assertThat(Stats.percentile(ONE_TO_HUNDRED, 99)).isEqualTo(99);
        // 7 / 100.0 * 100 is 7.000000000000001 in doubles: its ceiling would be rank 8
        for (int p = 1; p <= 100; p++) {
            assertThat(Stats.percentile(ONE_TO_HUNDRED, p)).as("p%d of 1..100", p).isEqualTo(p);
        }
        List<Long> ten = List.of(1190L, 1185L, 1201L, 1188L, 1350L, 1187L, 1192L, 1186L, 1189L, 1191L);
        assertThat(Stats.percentile(ten, 95)).as("rank ceil(9.5) = 10: the slowest").isEqualTo(1350);
        assertThat(Stats.percentile(ten, 90)).as("rank 9 exactly, not 10").isEqualTo(1201);
        assertThat(Stats.percentile(ten, 50)).as("rank 5").isEqualTo(1189);
    }

    @Test
    @DisplayName("at the boundaries: p1 is the minimum of 100 values, p100 the maximum, and one value is every percentile")
    void percentileBoundaries() {
        List<Long> shuffled = new ArrayList<>(ONE_TO_HUNDRED);
        Collections.reverse(shuffled);
        assertThat(Stats.percentile(shuffled, 1)).isEqualTo(1);
        assertThat(Stats.percentile(shuffled, 100)).isEqualTo(100);
        assertThat(Stats.percentile(List.of(42L), 1)).isEqualTo(42);
        assertThat(Stats.percentile(List.of(42L), 100)).isEqualTo(42);
        assertThat(Stats.percentile(List.of(1L, 2L, 3L), 34)).as("rank ceil(1.02) = 2").isEqualTo(2);
        assertThat(Stats.percentile(List.of(1L, 2L, 3L), 33)).as("rank ceil(0.99) = 1").isEqualTo(1);
    }

    @Test
    @DisplayName("no values, or a percentile outside 1..100, is refused with a clear message")
    void refused() {
        assertThatThrownBy(() -> Stats.median(List.<Long>of())).hasMessageContaining("no values");
        assertThatThrownBy(() -> Stats.percentile(List.<Long>of(), 50)).hasMessageContaining("no values");
        assertThatThrownBy(() -> Stats.percentile(ONE_TO_HUNDRED, 0)).hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> Stats.percentile(ONE_TO_HUNDRED, 101)).hasMessageContaining("between 1 and 100");
    }

    @Test
    @DisplayName("a ratio divides, and counts a denominator below 1 as 1 rather than print an infinity")
    void ratio() {
        assertThat(Stats.ratio(8450, 1190)).isCloseTo(7.1008, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Stats.ratio(5, 0)).isEqualTo(5.0);
        assertThat(Stats.ratio(0, 10)).isEqualTo(0.0);
    }
}
