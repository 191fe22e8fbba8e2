package dev.asyncjavalin.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoundsTest {

    @Test
    @DisplayName("warm-up rounds run first and are labelled, then the counted rounds are numbered from 1")
    void labels() throws Exception {
        List<String> labels = new ArrayList<>();
        Rounds.run(2, 3, (label, samples) -> labels.add(label));
        assertThat(labels).containsExactly("warm-up", "warm-up", "1", "2", "3");
    }

    @Test
    @DisplayName("a warm-up round's samples are dropped; the counted rounds' are kept per mode, in order")
    void warmUpsNotCounted() throws Exception {
        Rounds.Samples<String> samples = Rounds.run(1, 2, (label, sink) -> {
            double value = label.equals("warm-up") ? 1000 : Double.parseDouble(label);
            sink.add("a", value);
            sink.add("b", value * 10);
        });
        assertThat(samples.of("a")).containsExactly(1.0, 2.0);
        assertThat(samples.of("b")).containsExactly(10.0, 20.0);
    }

    @Test
    @DisplayName("medians are taken over a mode's counted samples, as Stats takes them")
    void medians() throws Exception {
        List<Double> values = List.of(30.0, 10.0, 20.0, 11.0);
        Rounds.Samples<String> samples = Rounds.run(0, values.size(), (label, sink) -> sink.add("m", values.get(Integer.parseInt(label) - 1)));
        assertThat(samples.median("m")).isEqualTo(15.5);
        assertThat(samples.medianMillis("m")).as("15.5 rounds half up").isEqualTo(16);
    }

    @Test
    @DisplayName("asking for a mode that was never measured names the ones that were")
    void unknownMode() throws Exception {
        Rounds.Samples<String> samples = Rounds.run(0, 1, (label, sink) -> sink.add("measured", 1));
        assertThatThrownBy(() -> samples.of("other")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[measured]");
    }
}
