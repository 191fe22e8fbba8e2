package dev.asyncjavalin.ch06;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Checks the test you write in {@link YourThreadTests}. Nothing to change here. */
@Tag("exercise")
@DisplayName("6.5 your test proves no thread waits for the pages")
class Exercise65ThreadTest {

    @Test
    @DisplayName("YourThreadTests pass on every correct aggregator and catch BlocksCaller, BlocksPoolThread and ThreadPerRequest")
    void catchesEveryBrokenVariant() {
        LearnerTestRun.assertJudges("6.5", YourThreadTests.class, Variants.CORRECT, Variants.BROKEN_65);
    }
}
