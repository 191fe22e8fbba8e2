package dev.asyncjavalin.ch06;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Checks the test you write in {@link YourDeadlineTests}. Nothing to change here. */
@Tag("exercise")
@DisplayName("6.2 your test proves the deadline ends the wait, fast")
class Exercise62DeadlineTest {

    @Test
    @DisplayName("YourDeadlineTests pass on every correct aggregator and catch NoDeadline, FailsAtDeadline and TimeoutForAll")
    void catchesEveryBrokenVariant() {
        LearnerTestRun.assertJudges("6.2", YourDeadlineTests.class, Variants.CORRECT, Variants.BROKEN_62);
    }
}
