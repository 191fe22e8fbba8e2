package dev.asyncjavalin.ch09;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import java.util.List;
import java.util.Locale;

/**
 * Exercise 9.3 (build it): may the second of two benchmark runs claim a speed-up over the first?
 * You write the body from the specification in the chapter README, section
 * "Exercise 9.3 · a speed-up you can claim". The records below are given: they hold the data.
 */
public final class SpeedupClaim {

    // tag::given[]
    /** Fewer requests than this in either run, and the comparison claims nothing. */
    static final int MIN_SAMPLES = 10;

    /**
     * What a run measured: a name, and the latency of each call one request makes (whole ms).
     * Two runs measured the same thing only when their workloads are equal, name and calls.
     */
    public record Workload(String name, List<Long> callMs) {
        public Workload {
            callMs = List.copyOf(callMs);
            if (callMs.isEmpty() || callMs.stream().anyMatch(ms -> ms <= 0)) {
                throw new IllegalArgumentException("a workload makes at least one call, each longer than 0 ms: " + callMs);
            }
        }
    }

    /** One run: what it measured, and the wall time of each request in whole milliseconds (an unmodifiable list). */
    public record Run(Workload workload, List<Long> wallMs) {
        public Run {
            wallMs = List.copyOf(wallMs);
            if (wallMs.isEmpty() || wallMs.stream().anyMatch(ms -> ms <= 0)) {
                throw new IllegalArgumentException("a run holds at least one request, each longer than 0 ms: " + wallMs);
            }
        }
    }

    /** What the comparison may say, from the first reason to refuse to the claim itself. */
    public enum Verdict {
        DIFFERENT_WORKLOADS("no claim: the runs measured different workloads"),
        TOO_FEW_SAMPLES("no claim: fewer than " + MIN_SAMPLES + " requests in a run"),
        NOT_FASTER("not faster"),
        BEYOND_OVERLAP("faster than overlap alone can be: the runs paid different costs"),
        FASTER("faster");

        final String words;

        Verdict(String words) {
            this.words = words;
        }
    }

    /**
     * @param medianRatio the first run's median wall time divided by the second's: how many times faster the second is
     * @param meanRatio   the same with the means
     * @param bound       the most that overlapping the workload's calls can gain: sum / slowest
     */
    public record Comparison(double medianRatio, double meanRatio, double bound, Verdict verdict) {
    }
    // end::given[]

    private SpeedupClaim() {
    }

    // EXERCISE 9.3: a speed-up you can claim (the whole body: see the README section "Exercise 9.3")
    /** Compares {@code after} with {@code before}: the ratios, the bound, and what may be claimed. */
    static Comparison compare(Run before, Run after) {
        double medianRatio = median(before.wallMs()) / median(after.wallMs());
        double meanRatio = mean(before.wallMs()) / mean(after.wallMs());
        List<Long> calls = before.workload().callMs();
        double bound = (double) calls.stream().mapToLong(Long::longValue).sum() / calls.stream().mapToLong(Long::longValue).max().orElseThrow();
        Verdict verdict;
        if (!before.workload().equals(after.workload())) {
            verdict = Verdict.DIFFERENT_WORKLOADS;
        } else if (before.wallMs().size() < MIN_SAMPLES || after.wallMs().size() < MIN_SAMPLES) {
            verdict = Verdict.TOO_FEW_SAMPLES;
        } else if (medianRatio <= 1) {
            verdict = Verdict.NOT_FASTER; // the median is the typical request: one slow outlier must not make a claim
        } else if (medianRatio > bound) {
            verdict = Verdict.BEYOND_OVERLAP;
        } else {
            verdict = Verdict.FASTER;
        }
        return new Comparison(medianRatio, meanRatio, bound, verdict);
    }

    /** One line for a report, for example "7.16x on the medians, 7.13x on the means, bound 7.17x: faster". */
    static String describe(Comparison comparison) {
        // Locale.ROOT: a report reads 7.16x on every machine, not 7,16x where the decimal mark is a comma
        return String.format(Locale.ROOT, "%.2fx on the medians, %.2fx on the means, bound %.2fx: %s",
                comparison.medianRatio(), comparison.meanRatio(), comparison.bound(), comparison.verdict().words);
    }

    private static double median(List<Long> wallMs) {
        List<Long> sorted = wallMs.stream().sorted().toList(); // a copy: the caller's list may be unmodifiable
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    private static double mean(List<Long> wallMs) {
        return wallMs.stream().mapToLong(Long::longValue).sum() / (double) wallMs.size();
    }
    // END EXERCISE 9.3
}
