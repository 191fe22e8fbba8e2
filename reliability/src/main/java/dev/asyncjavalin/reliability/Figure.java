package dev.asyncjavalin.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the campaign's output: what was measured, the figure, the target, and whether the
 * figure meets it, with the first findings behind a FAIL. A figure that could not be taken is
 * {@link Verdict#NOT_MEASURED}, never a PASS.
 */
record Figure(String what, String measured, String target, Verdict verdict, List<String> findings) {

    /** The findings printed under a FAIL; the count on the line covers them all. */
    static final int SHOWN_FINDINGS = 6;

    enum Verdict {
        PASS, FAIL, NOT_MEASURED;

        String label() {
            return this == NOT_MEASURED ? "----" : name();
        }
    }

    Figure {
        findings = List.copyOf(findings);
    }

    Figure(String what, String measured, String target, Verdict verdict) {
        this(what, measured, target, verdict, List.of());
    }

    /** A count of {@code findings} whose target is 0. */
    static Figure none(String what, List<String> findings, String details) {
        return none(what, findings.size(), details, findings);
    }

    /** A count whose target is 0. */
    static Figure none(String what, long count, String details) {
        return none(what, count, details, List.of());
    }

    static Figure none(String what, long count, String details, List<String> findings) {
        String measured = String.format("%,d", count) + (details.isEmpty() ? "" : " (" + details + ")");
        return new Figure(what, measured, "0", count == 0 ? Verdict.PASS : Verdict.FAIL, findings);
    }

    static Figure notMeasured(String what, String why) {
        return new Figure(what, "not measured: " + why, "-", Verdict.NOT_MEASURED);
    }

    /** A section that broke before it could count: a FAIL that says why, never a silent gap. */
    static Figure broken(String what, Throwable failure) {
        return new Figure(what, "the measurement itself failed: " + failure, "-", Verdict.FAIL);
    }

    /** The figure's line, and under a FAIL its first findings. */
    List<String> lines() {
        return lines(SHOWN_FINDINGS);
    }

    /** The figure's line, and under a FAIL its first {@code shown} findings. */
    List<String> lines(int shown) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-4s  %-58s %s   [target %s]", verdict.label(), what, measured, target));
        if (verdict == Verdict.FAIL) {
            findings.stream().limit(shown).forEach(finding -> lines.add("        - " + finding));
            if (findings.size() > shown) {
                lines.add("        - and " + (findings.size() - shown) + " more (all of them: add 'verbose' to the arguments)");
            }
        }
        return lines;
    }
}
