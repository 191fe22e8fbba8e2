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
        throw new ExerciseNotSolved("9.3", "write SpeedupClaim.compare and describe from the README's specification");
    }

    /** One line for a report, for example "7.16x on the medians, 7.13x on the means, bound 7.17x: faster". */
    static String describe(Comparison comparison) {
        throw new ExerciseNotSolved("9.3", "write SpeedupClaim.compare and describe from the README's specification");
    }
    // END EXERCISE 9.3
}
