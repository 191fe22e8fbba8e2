package dev.asyncjavalin.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VaryingLatencyTest {

    private static List<Duration> draws(SlowUpstream upstream, int count) {
        return IntStream.range(0, count).mapToObj(i -> upstream.nextVaryingLatency()).toList();
    }

    @Test
    @DisplayName("varying latencies are drawn per request from the range, a few of them three times as long, and repeat with the seed")
    void varyingLatenciesRepeatWithTheSeed() {
        SlowUpstream.Builder settings = SlowUpstream.builder().latency(Duration.ofMillis(300), Duration.ofMillis(450)).varyingLatency();
        try (SlowUpstream upstream = settings.start(); SlowUpstream twin = settings.start()) {
            List<Duration> drawn = draws(upstream, 200);

            assertThat(drawn).isEqualTo(draws(twin, 200));
            assertThat(drawn).allSatisfy(latency -> assertThat(latency.toMillis()).satisfiesAnyOf(
                    ms -> assertThat(ms).isBetween(300L, 450L),
                    ms -> assertThat(ms).isBetween(900L, 1350L)));
            long slow = drawn.stream().filter(latency -> latency.toMillis() >= 900).count();
            assertThat(slow).as("about one in ten is an outlier").isBetween(5L, 40L);
            assertThat(upstream.describe()).contains("drawn per request");
        }
    }
}
