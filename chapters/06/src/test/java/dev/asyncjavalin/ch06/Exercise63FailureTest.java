package dev.asyncjavalin.ch06;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Checks the test you write in {@link YourFailureTests}. Nothing to change here. */
@Tag("exercise")
@DisplayName("6.3 your test proves every failure keeps its row")
class Exercise63FailureTest {

    @Test
    @DisplayName("YourFailureTests pass on every correct aggregator and catch LostError, FailuresLast and Relabelled")
    void catchesEveryBrokenVariant() {
        LearnerTestRun.assertJudges("6.3", YourFailureTests.class, Variants.CORRECT, Variants.BROKEN_63);
    }
}
