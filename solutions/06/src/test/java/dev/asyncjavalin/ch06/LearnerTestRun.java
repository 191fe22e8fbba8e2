package dev.asyncjavalin.ch06;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.asyncjavalin.ch06.Variants.Variant;
import dev.asyncjavalin.lab.ExerciseNotSolved;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one of your test classes, in this JVM, against one aggregator, through the JUnit Platform
 * Launcher: a test of tests. The exercise checks run it against every aggregator in {@link Variants}:
 * on each correct one every test must pass, on each broken one at least one test must fail.
 */
final class LearnerTestRun {

    private final Class<?> testClass;
    private final String aggregator;
    private final TestExecutionSummary summary;

    private LearnerTestRun(Class<?> testClass, String aggregator, TestExecutionSummary summary) {
        this.testClass = testClass;
        this.aggregator = aggregator;
        this.summary = summary;
    }

    // tag::run[]
    /** Runs every test of {@code testClass}, on this thread, with {@link Subject} handing out {@code variant}. */
    static LearnerTestRun of(Class<?> testClass, Variant variant) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass)) // only your class: the check itself is never selected, so it cannot recurse
                // a test that blocks forever fails after 30 s instead of holding the whole check
                .configurationParameter("junit.jupiter.execution.timeout.default", "30 s")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .build();
        // no listeners from META-INF/services: the exercise summary must count the checks, not this inner run
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        Subject.swappedFor(variant.create(), () -> launcher.execute(request, listener));
        return new LearnerTestRun(testClass, variant.name(), listener.getSummary());
    }
    // end::run[]

    // tag::check[]
    /**
     * The check of an exercise whose answer is a test class, judged like mutation testing:
     * {@code yourTests} must pass on every {@code correct} aggregator and fail on every {@code broken} one.
     */
    static void assertJudges(String exercise, Class<?> yourTests, List<Variant> correct, List<Variant> broken) {
        List<Variant> all = new ArrayList<>(correct);
        all.addAll(broken);
        Map<Variant, LearnerTestRun> runs = allAtOnce(yourTests, all); // a stub fails at once on every one
        LearnerTestRun onFirst = runs.get(correct.get(0));
        if (onFirst.found() == 0) {
            fail("Exercise " + exercise + ": " + yourTests.getSimpleName() + " has no tests to run");
        }
        onFirst.stillAStub().ifPresent(stub -> fail(stub)); // "Exercise 6.1 is not solved yet: ..."
        if (!onFirst.allPassed()) {
            fail("Exercise " + exercise + ": your test must pass on " + correct.get(0).name() + ", the correct one, but "
                    + String.join("; ", onFirst.failures()) + " (" + onFirst.describe() + ")");
        }
        for (Variant alsoCorrect : correct.subList(1, correct.size())) {
            LearnerTestRun run = runs.get(alsoCorrect);
            if (!run.allPassed()) {
                fail("Exercise " + exercise + ": your test failed on " + alsoCorrect.name() + ", " + alsoCorrect.what() + ". "
                        + ADVICE.getOrDefault(alsoCorrect.name(), "") + " It failed with: "
                        + String.join("; ", run.failures()) + " (" + run.describe() + ")");
            }
        }
        List<Variant> letThrough = broken.stream().filter(variant -> runs.get(variant).failed() == 0).toList();
        if (letThrough.size() == broken.size()) {
            fail("Exercise " + exercise + ": your test passed on every broken aggregator (" + names(broken)
                    + "), so it cannot fail. Test the aggregator field (from Subject, never new RecipeAggregator(...)) and assert what they get wrong.");
        }
        if (!letThrough.isEmpty()) {
            fail("Exercise " + exercise + ": your test let through " + letThrough.stream()
                    .map(variant -> variant.name() + " (" + variant.what() + ")").collect(Collectors.joining(", "))
                    + ": every test passed on " + (letThrough.size() == 1 ? "it" : "them") + ". It caught "
                    + names(broken.stream().filter(variant -> !letThrough.contains(variant)).toList()) + ".");
        }
    }
    // end::check[]

    /** What a test that fails on one of the other correct aggregators should do instead. */
    private static final Map<String, String> ADVICE = Map.of(
            "IndexedAggregator", "Test what fetchAll answers, not which class answers it or how it is built.",
            "LateButConcurrent", "Timing fetchAll cannot tell it from sequential calls: prove the overlap with a barrier, not a clock.");

    /**
     * Runs {@code yourTests} against every variant at once, each on a thread of its own: the runs
     * spend their time waiting (for a barrier, a deadline, a bound), so together they take as long as
     * the slowest one instead of the sum.
     */
    private static Map<Variant, LearnerTestRun> allAtOnce(Class<?> yourTests, List<Variant> variants) {
        ExecutorService threads = Executors.newFixedThreadPool(variants.size());
        try {
            Map<Variant, CompletableFuture<LearnerTestRun>> started = new LinkedHashMap<>();
            variants.forEach(variant -> started.put(variant, CompletableFuture.supplyAsync(() -> of(yourTests, variant), threads)));
            Map<Variant, LearnerTestRun> runs = new LinkedHashMap<>();
            started.forEach((variant, run) -> runs.put(variant, run.join()));
            return runs;
        } finally {
            threads.shutdown();
        }
    }

    private static String names(List<Variant> variants) {
        return variants.stream().map(Variant::name).collect(Collectors.joining(", "));
    }

    long found() {
        return summary.getTestsFoundCount();
    }

    long failed() {
        return summary.getTestsFailedCount();
    }

    /** Every test that was found ran and passed (none failed, none was skipped or aborted). */
    boolean allPassed() {
        return found() > 0 && summary.getTestsSucceededCount() == found();
    }

    /** One line per test that did not pass: its name and the first line of what went wrong. */
    List<String> failures() {
        return summary.getFailures().stream()
                .map(failure -> "'" + failure.getTestIdentifier().getDisplayName() + "': " + firstLine(failure.getException()))
                .toList();
    }

    /** The message of the stub's ExerciseNotSolved, if a test of this run is still the stub. */
    Optional<String> stillAStub() {
        return summary.getFailures().stream()
                .map(TestExecutionSummary.Failure::getException)
                .filter(ExerciseNotSolved.class::isInstance)
                .map(Throwable::getMessage)
                .findFirst();
    }

    String describe() {
        long notRun = found() - summary.getTestsStartedCount() + summary.getTestsAbortedCount();
        return testClass.getSimpleName() + " on " + aggregator + ": " + found() + " found, "
                + summary.getTestsSucceededCount() + " passed, " + failed() + " failed"
                + (notRun > 0 ? ", " + notRun + " skipped or aborted" : "");
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
        String line = message.strip().lines().filter(text -> !text.isBlank()).limit(2)
                .map(String::strip).reduce((a, b) -> a + " " + b).orElse(message);
        return line.length() > 240 ? line.substring(0, 240) + "…" : line;
    }
}
