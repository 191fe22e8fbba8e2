package dev.asyncjavalin.ch09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    @DisplayName("the mean of 1, 2, 3, 10 is 4")
    void mean() {
        assertThat(Statistics.mean(List.of(1.0, 2.0, 3.0, 10.0))).isEqualTo(4.0);
    }

    @Test
    @DisplayName("the median of an odd count is the middle value, whatever the input order")
    void medianOdd() {
        assertThat(Statistics.median(List.of(9.0, 1.0, 5.0))).isEqualTo(5.0);
    }

    @Test
    @DisplayName("the median of an even count is the mean of the two middle values")
    void medianEven() {
        assertThat(Statistics.median(List.of(4.0, 1.0, 3.0, 100.0))).isEqualTo(3.5);
    }

    @Test
    @DisplayName("one slow value moves the mean far, and the median not at all")
    void medianResistsOutliers() {
        List<Double> values = List.of(1000.0, 1000.0, 1000.0, 1000.0, 9000.0);
        assertThat(Statistics.mean(values)).isEqualTo(2600.0);
        assertThat(Statistics.median(values)).isEqualTo(1000.0);
    }

    @Test
    @DisplayName("a summary has the count, mean, median, min and max of its values")
    void summary() {
        Statistics.Summary summary = Statistics.summarize(List.of(3.0, 1.0, 2.0));
        assertThat(summary.count()).isEqualTo(3);
        assertThat(summary.mean()).isEqualTo(2.0);
        assertThat(summary.median()).isEqualTo(2.0);
        assertThat(summary.min()).isEqualTo(1.0);
        assertThat(summary.max()).isEqualTo(3.0);
    }

    @Test
    @DisplayName("no values: a clear error, not a NaN that spreads through the report")
    void noValues() {
        assertThatThrownBy(() -> Statistics.mean(List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no values");
    }

    @Test
    @DisplayName("the predicted ceiling of 198 blocked threads at 1 s is 198 requests/s; at 200 ms, 990")
    void predictedCeiling() {
        assertThat(Saturation.predictedCeiling(198, Duration.ofSeconds(1))).isEqualTo(198.0);
        assertThat(Saturation.predictedCeiling(198, Duration.ofMillis(200))).isCloseTo(990.0, within(1e-9));
    }
}
