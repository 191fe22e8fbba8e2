package dev.asyncjavalin.ch06;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Checks the test you write in {@link YourConcurrencyTests}. Nothing to change here. */
@Tag("exercise")
@DisplayName("6.1 your test proves the calls overlap")
class Exercise61ConcurrencyTest {

    @Test
    @DisplayName("YourConcurrencyTests pass on every correct aggregator and catch SequentialFanOut, InPairs and FirstCallAlone")
    void catchesEveryBrokenVariant() {
        LearnerTestRun.assertJudges("6.1", YourConcurrencyTests.class, Variants.CORRECT, Variants.BROKEN_61);
    }
}
