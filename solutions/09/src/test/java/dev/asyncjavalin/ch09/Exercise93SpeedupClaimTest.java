package dev.asyncjavalin.ch09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asyncjavalin.ch09.SpeedupClaim.Comparison;
import dev.asyncjavalin.ch09.SpeedupClaim.Run;
import dev.asyncjavalin.ch09.SpeedupClaim.Verdict;
import dev.asyncjavalin.ch09.SpeedupClaim.Workload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Fixed data only: wall times as a benchmark would have measured them, no clock, no load. */
@Tag("exercise")
@DisplayName("9.3 a speed-up you can claim")
class Exercise93SpeedupClaimTest {

    /** The ten seeded pages: sum 8,405 ms, slowest 1,172 ms, so overlap gains at most 7.17x. */
    private static final Workload TEN_PAGES = new Workload("10 seeded pages",
            List.of(1172L, 1050L, 980L, 910L, 850L, 800L, 760L, 700L, 633L, 550L));
    /** Three pages: sum 1,128 ms, slowest 402 ms, so at most 2.81x. */
    private static final Workload THREE_PAGES = new Workload("3 seeded pages", List.of(402L, 376L, 350L));

    // medians 8,468.5 ms and 1,182.5 ms (even counts: the mean of the two middle values); means 8,467.8 and 1,198.8
    private static final Run SYNC = new Run(TEN_PAGES, List.of(8469L, 8452L, 8470L, 8492L, 8461L, 8468L, 8455L, 8471L, 8466L, 8474L));
    private static final Run ASYNC = new Run(TEN_PAGES, List.of(1182L, 1180L, 1185L, 1179L, 1350L, 1181L, 1184L, 1183L, 1178L, 1186L));

    // tag::claim[]
    @Test
    @DisplayName("sync against async on ten pages: 7.16x on the medians, within the bound 7.17x, so faster")
    void faster() {
        Comparison comparison = SpeedupClaim.compare(SYNC, ASYNC);
        assertRatio("the ratio of the medians", comparison.medianRatio(), 8468.5 / 1182.5, 8467.8 / 1198.8, 8468.0 / 1182.0);
        assertRatio("the ratio of the means", comparison.meanRatio(), 8467.8 / 1198.8, 8468.5 / 1182.5, 8467.0 / 1198.0);
        assertBound(comparison.bound(), 8405.0 / 1172, TEN_PAGES);
        assertThat(comparison.verdict()).as("Exercise 9.3: 7.16x on the medians, under the bound of 7.17x").isEqualTo(Verdict.FASTER);
    }
    // end::claim[]

    @Test
    @DisplayName("one slow outlier makes the mean faster and the median slower: the median decides, not faster")
    void medianDecides() {
        // the first run's typical request took 1,000.5 ms, the second's 1,010 ms; one 5,000 ms request pulls the first mean to 1,400
        Run before = new Run(THREE_PAGES, List.of(1000L, 1002L, 998L, 1001L, 999L, 1003L, 997L, 1000L, 1001L, 5000L));
        Run after = new Run(THREE_PAGES, List.of(1010L, 1012L, 1008L, 1011L, 1009L, 1013L, 1007L, 1010L, 1011L, 1009L));
        Comparison comparison = SpeedupClaim.compare(before, after);
        assertRatio("the ratio of the medians", comparison.medianRatio(), 1000.5 / 1010, 1400.1 / 1010, 1000.0 / 1010);
        assertThat(comparison.verdict()).as("Exercise 9.3: the second run's typical request is slower (median 1,010 ms against"
                + " 1,000.5 ms); only the first run's one 5,000 ms outlier makes the means look 1.39x faster. The verdict is decided"
                + " on the medians, not the means").isEqualTo(Verdict.NOT_FASTER);
    }

    @Test
    @DisplayName("a new connection per call against a warm pool: 4.62x with three calls is beyond the overlap bound of 2.81x")
    void beyondOverlap() {
        Run sync = new Run(THREE_PAGES, List.of(1921L, 1919L, 1938L, 1922L, 1920L, 1925L, 1918L, 1921L, 1924L, 1922L));
        Run async = new Run(THREE_PAGES, List.of(415L, 551L, 414L, 416L, 413L, 418L, 415L, 420L, 412L, 416L));
        Comparison comparison = SpeedupClaim.compare(sync, async);
        assertRatio("the ratio of the medians", comparison.medianRatio(), 1921.5 / 415.5, 1923.0 / 429.0, 1921.0 / 415.0);
        assertBound(comparison.bound(), 1128.0 / 402, THREE_PAGES);
        assertThat(comparison.verdict()).as("Exercise 9.3: 4.62x with three calls per request is more than sum / slowest = 2.81x:"
                + " overlap cannot explain it, the runs paid different costs").isEqualTo(Verdict.BEYOND_OVERLAP);
    }

    @Test
    @DisplayName("the same runs the other way round: the second is slower, not faster")
    void otherWayRound() {
        Comparison comparison = SpeedupClaim.compare(ASYNC, SYNC);
        assertRatio("the ratio of the medians", comparison.medianRatio(), 1182.5 / 8468.5, 1198.8 / 8467.8, 1182.0 / 8468.0);
        assertThat(comparison.verdict()).as("Exercise 9.3: async first, then sync: the second run is about 7x slower")
                .isEqualTo(Verdict.NOT_FASTER);
    }

    @Test
    @DisplayName("9 requests in either run are too few to claim anything; 10 in each are enough")
    void tooFewSamples() {
        Run nineAsync = new Run(TEN_PAGES, ASYNC.wallMs().subList(0, 9));
        Run nineSync = new Run(TEN_PAGES, SYNC.wallMs().subList(0, 9));
        assertThat(SpeedupClaim.compare(SYNC, nineAsync).verdict()).as("Exercise 9.3: 10 requests against 9: too few samples in"
                + " the second run (MIN_SAMPLES is 10); check both runs, not only the first").isEqualTo(Verdict.TOO_FEW_SAMPLES);
        assertThat(SpeedupClaim.compare(nineSync, ASYNC).verdict()).as("Exercise 9.3: 9 requests against 10: too few samples in"
                + " the first run (MIN_SAMPLES is 10); check both runs, not only the second").isEqualTo(Verdict.TOO_FEW_SAMPLES);
        Comparison refused = SpeedupClaim.compare(nineSync, nineAsync);
        assertThat(refused.medianRatio()).as("Exercise 9.3: the ratios are computed even when no claim is made (median of 9"
                + " is the 5th value)").isCloseTo(8468.0 / 1182.0, within(1e-9));
        assertThat(SpeedupClaim.compare(SYNC, ASYNC).verdict()).as("Exercise 9.3: exactly MIN_SAMPLES (10) requests per run are"
                + " enough: fewer than 10 is refused, not 10 itself").isEqualTo(Verdict.FASTER);
    }

    @Test
    @DisplayName("runs of different workloads are never compared, even when the names match or the samples are too few")
    void differentWorkloads() {
        Run threePagesAsync = new Run(THREE_PAGES, List.of(415L, 551L, 414L, 416L, 413L, 418L, 415L, 420L, 412L, 416L));
        assertThat(SpeedupClaim.compare(SYNC, threePagesAsync).verdict()).as("Exercise 9.3: ten pages against three measured"
                + " different things; a 20x 'speed-up' between them means nothing").isEqualTo(Verdict.DIFFERENT_WORKLOADS);
        Workload sameNameOtherCalls = new Workload(TEN_PAGES.name(), List.of(402L, 376L, 350L));
        assertThat(SpeedupClaim.compare(SYNC, new Run(sameNameOtherCalls, ASYNC.wallMs())).verdict())
                .as("Exercise 9.3: the same name but other calls is another workload: compare the whole workloads (equals), not"
                        + " their names").isEqualTo(Verdict.DIFFERENT_WORKLOADS);
        assertThat(SpeedupClaim.compare(new Run(THREE_PAGES, SYNC.wallMs().subList(0, 3)), ASYNC).verdict())
                .as("Exercise 9.3: different workloads is the first reason to refuse, before too few samples")
                .isEqualTo(Verdict.DIFFERENT_WORKLOADS);
    }

    @Test
    @DisplayName("a ratio of exactly 1 is not faster; a ratio exactly at the bound is still overlap")
    void boundaries() {
        Workload threeEqualCalls = new Workload("3 calls of 100 ms", List.of(100L, 100L, 100L));
        Run oneCall = new Run(threeEqualCalls, Collections.nCopies(10, 100L));
        Run threeCalls = new Run(threeEqualCalls, Collections.nCopies(10, 300L));
        assertThat(SpeedupClaim.compare(oneCall, oneCall).verdict()).as("Exercise 9.3: the same time is not a speed-up (a ratio of"
                + " 1 is not faster: > 1, not >= 1)").isEqualTo(Verdict.NOT_FASTER);
        assertThat(SpeedupClaim.compare(threeCalls, oneCall).verdict()).as("Exercise 9.3: 3.00x with a bound of 3.00x is what"
                + " overlap can give; only above the bound is it beyond overlap").isEqualTo(Verdict.FASTER);
    }

    @Test
    @DisplayName("the order of the wall times does not matter")
    void anyOrder() {
        List<Long> reversed = new ArrayList<>(SYNC.wallMs());
        Collections.reverse(reversed);
        assertThat(SpeedupClaim.compare(new Run(TEN_PAGES, reversed), ASYNC).medianRatio())
                .as("Exercise 9.3: the median of unsorted wall times: sort a copy first").isCloseTo(8468.5 / 1182.5, within(1e-9));
    }

    @Test
    @DisplayName("one line for the report: both ratios and the bound with two decimals, then the verdict's words")
    void describe() {
        // the default locale is not changed here to prove Locale.ROOT: ./course runs chapters side by side in one JVM
        assertThat(SpeedupClaim.describe(new Comparison(8468.5 / 1182.5, 8467.8 / 1198.8, 8405.0 / 1172, Verdict.FASTER)))
                .as("Exercise 9.3: the report line").isEqualTo("7.16x on the medians, 7.06x on the means, bound 7.17x: faster");
        assertThat(SpeedupClaim.describe(new Comparison(4.0, 4.5, 2.0, Verdict.TOO_FEW_SAMPLES)))
                .as("Exercise 9.3: the verdict's words end the line")
                .isEqualTo("4.00x on the medians, 4.50x on the means, bound 2.00x: no claim: fewer than 10 requests in a run");
    }

    /** Names the usual mistakes: a ratio upside down, the other statistic, a fraction lost to integer division. */
    private static void assertRatio(String what, double actual, double expected, double otherStatistic, double inWholeMs) {
        if (Math.abs(actual - expected) <= 1e-9) {
            return;
        }
        String mistake;
        if (Math.abs(actual - 1 / expected) <= 1e-9) {
            mistake = "upside down: the speed-up is the first run's time divided by the second's, so a faster second run gives"
                    + " more than 1";
        } else if (Math.abs(actual - otherStatistic) <= 1e-9) {
            mistake = what.contains("median") ? "that is the ratio of the means: the median is asked" : "that is the ratio of the medians";
        } else if (actual == Math.rint(actual)) {
            mistake = "a whole number: integer division (long / long) dropped the fraction; divide as doubles";
        } else if (Math.abs(actual - inWholeMs) <= 1e-9) {
            mistake = "with an even count the median is the mean of the two middle values, and (a + b) / 2 in whole numbers"
                    + " is integer division: it drops the .5";
        } else {
            mistake = "the first run's " + (what.contains("median") ? "median" : "mean") + " divided by the second's";
        }
        throw new AssertionError("Exercise 9.3: " + what + " is " + expected + ", not " + actual + ": " + mistake);
    }

    private static void assertBound(double actual, double expected, Workload workload) {
        if (Math.abs(actual - expected) <= 1e-9) {
            return;
        }
        String mistake;
        if (actual == Math.rint(actual) && actual != workload.callMs().size()) {
            mistake = "a whole number: integer division (long / long) dropped the fraction; divide as doubles";
        } else if (actual == workload.callMs().size()) {
            mistake = "N calls is only the largest the bound can be; the bound of these calls is sum / slowest";
        } else if (Math.abs(actual - 1 / expected) <= 1e-9) {
            mistake = "upside down: sum / slowest, not slowest / sum";
        } else {
            mistake = "sum / slowest of the workload's calls";
        }
        throw new AssertionError("Exercise 9.3: the bound of " + workload.name() + " is " + expected + ", not " + actual + ": " + mistake);
    }
}
