package dev.asyncjavalin.ch06;

import dev.asyncjavalin.ch06.broken.LostError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Checks the test you write in {@link YourFailureTests}. Nothing to change here. */
@Tag("exercise")
@DisplayName("6.3 your test proves every failure keeps its row")
class Exercise63FailureTest {

    @Test
    @DisplayName("YourFailureTests pass on RecipeAggregator and catch LostError")
    void catchesLostError() {
        LearnerTestRun.assertCatches("6.3", YourFailureTests.class, "LostError", LostError::new,
                "drops the row of every page that failed");
    }
}
