package dev.asyncjavalin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PageTimesTest {

    @Test
    @DisplayName("pages over the limit are counted, a page exactly at the limit is not, missing pages count as over")
    void over() {
        PageTimes times = new PageTimes();
        times.answered(Duration.ofMillis(900));
        times.answered(Duration.ofMillis(1100));
        times.answered(Duration.ofMillis(1101));
        times.missing("connection refused");
        times.missing("HTTP 500");

        assertThat(times.over(Duration.ofMillis(1100))).isEqualTo(3);
        assertThat(times.pages()).isEqualTo(5);
        assertThat(times.missing()).isEqualTo(2);
        assertThat(times.firstMissing()).isEqualTo("connection refused");
    }

    @Test
    @DisplayName("percentiles by nearest rank over the answered pages")
    void percentiles() {
        PageTimes times = new PageTimes();
        for (int millis = 100; millis >= 1; millis--) {
            times.answered(Duration.ofMillis(millis));
        }
        assertThat(times.percentile(50)).isEqualTo(50);
        assertThat(times.percentile(99)).isEqualTo(99);
        assertThat(times.percentile(100)).isEqualTo(100);
        assertThat(new PageTimes().percentile(50)).isZero();
    }

    @Test
    @DisplayName("deadline + 10 % of 1000 ms is 1100 ms")
    void slack() {
        assertThat(PageTimes.withSlack(Duration.ofMillis(1000), 10)).isEqualTo(Duration.ofMillis(1100));
    }
}
