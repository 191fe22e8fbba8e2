package dev.asyncjavalin.lab.pages;

import java.time.Duration;
import java.util.List;

/**
 * One row of the aggregator's page: which URL, how it ended, and how long it took.
 *
 * @param httpStatus the upstream's status code, or 0 when no response arrived
 * @param title      the page's {@code <title>}, untrusted text (templates escape it)
 * @param detail     one line on what went wrong, empty when all went well
 */
public record PageResult(String url, Outcome outcome, int httpStatus, String title, String detail, Duration elapsed) {

    public static PageResult failed(String url, Outcome outcome, String detail, Duration elapsed) {
        return new PageResult(url, outcome, 0, "", detail, elapsed);
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    /** What the status column shows: the HTTP code for an answer we read, else the outcome. */
    public String status() {
        boolean answered = outcome == Outcome.OK || outcome == Outcome.HTTP_ERROR;
        return answered ? String.valueOf(httpStatus) : outcome.label();
    }

    public long millis() {
        return elapsed.toMillis();
    }

    /** The results, if every call succeeded; else an exception, because a benchmark's timings of failed calls mean nothing. */
    public static List<PageResult> requireAllOk(List<PageResult> results) {
        long failed = results.stream().filter(result -> !result.ok()).count();
        if (failed > 0) {
            throw new IllegalStateException(failed + " of " + results.size() + " calls failed; the numbers would mean nothing");
        }
        return results;
    }

    /** The sum of all calls' times: what one-after-another costs. */
    public static Duration sum(List<PageResult> results) {
        return results.stream().map(PageResult::elapsed).reduce(Duration.ZERO, Duration::plus);
    }

    /** The slowest single call: the least that all-at-once can cost. */
    public static Duration slowest(List<PageResult> results) {
        return results.stream().map(PageResult::elapsed).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
