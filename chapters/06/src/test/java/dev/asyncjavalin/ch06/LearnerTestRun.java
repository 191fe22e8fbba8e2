package dev.asyncjavalin.ch06;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import dev.asyncjavalin.lab.pages.PageClient;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one of your test classes, in this JVM, against one aggregator, through the JUnit Platform
 * Launcher: a test of tests. The exercise checks use it twice, once against the correct
 * {@link RecipeAggregator} (every test must pass) and once against a broken variant (one must fail).
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
    /** Runs every test of {@code testClass}, with {@link Subject} handing out {@code variant}. */
    static LearnerTestRun of(Class<?> testClass, String name, Function<PageClient, Aggregator> variant) {
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
        Subject.swappedFor(variant, () -> launcher.execute(request, listener));
        return new LearnerTestRun(testClass, name, listener.getSummary());
    }
    // end::run[]

    // tag::check[]
    /**
     * The check of an exercise whose answer is a test class: {@code yourTests} must pass on the
     * correct aggregator, and at least one of them must fail on {@code variant}.
     */
    static void assertCatches(String exercise, Class<?> yourTests, String variantName,
                              Function<PageClient, Aggregator> variant, String whatItDoesWrong) {
        LearnerTestRun onCorrect = of(yourTests, "RecipeAggregator", RecipeAggregator::new);
        if (onCorrect.found() == 0) {
            fail("Exercise " + exercise + ": " + yourTests.getSimpleName() + " has no tests to run");
        }
        onCorrect.stillAStub().ifPresent(stub -> fail(stub)); // "Exercise 6.1 is not solved yet: ..."
        if (!onCorrect.allPassed()) {
            fail("Exercise " + exercise + ": your test must pass on RecipeAggregator, the correct one, but "
                    + String.join("; ", onCorrect.failures()) + " (" + onCorrect.describe() + ")");
        }
        LearnerTestRun onBroken = of(yourTests, variantName, variant);
        if (onBroken.failed() == 0) {
            fail("Exercise " + exercise + ": your tests missed " + variantName + ", which " + whatItDoesWrong
                    + ": every test passed on it (" + onBroken.describe() + ")");
        }
    }
    // end::check[]

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
