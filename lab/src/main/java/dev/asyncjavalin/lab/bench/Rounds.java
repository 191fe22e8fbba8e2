package dev.asyncjavalin.lab.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rounds of a benchmark that compares modes: warm-up rounds first (class loading, the JIT, first
 * connections: paid, shown, not counted), then the rounds that count. A round measures every mode it
 * compares, one after another, so that a slow moment of the machine hits every mode rather than one
 * of them, and the medians over the counted rounds are compared.
 */
public final class Rounds {

    /** What one round measures; {@code label} names the round in its rows: "warm-up", or 1, 2, ... for the rounds that count. */
    public interface Round<M> {
        void measure(String label, Sink<M> samples) throws Exception;
    }

    /** Where a round puts one sample per mode; a warm-up round's samples are dropped. */
    public interface Sink<M> {
        void add(M mode, double sample);
    }

    private Rounds() {
    }

    /** {@code warmUps} rounds not counted, then {@code rounds} rounds whose samples are kept. */
    public static <M> Samples<M> run(int warmUps, int rounds, Round<M> round) throws Exception {
        Samples<M> samples = new Samples<>();
        for (int number = 1 - warmUps; number <= rounds; number++) {
            boolean counted = number > 0;
            round.measure(counted ? String.valueOf(number) : "warm-up", (mode, sample) -> {
                if (counted) {
                    samples.add(mode, sample);
                }
            });
        }
        return samples;
    }

    /** Each mode's samples from the rounds that counted, in the order they were measured. */
    public static final class Samples<M> {

        private final Map<M, List<Double>> byMode = new LinkedHashMap<>();

        private void add(M mode, double sample) {
            byMode.computeIfAbsent(mode, ignored -> new ArrayList<>()).add(sample);
        }

        public List<Double> of(M mode) {
            List<Double> samples = byMode.get(mode);
            if (samples == null) {
                throw new IllegalArgumentException("no samples of " + mode + "; measured: " + byMode.keySet());
            }
            return List.copyOf(samples);
        }

        public double median(M mode) {
            return Stats.median(of(mode));
        }

        /** {@link #median} rounded to a whole millisecond, for a table printed with {@code %d}. */
        public long medianMillis(M mode) {
            return Math.round(median(mode));
        }
    }
}
