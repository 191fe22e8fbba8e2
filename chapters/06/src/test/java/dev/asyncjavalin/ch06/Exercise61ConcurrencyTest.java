package dev.asyncjavalin.ch06;

import dev.asyncjavalin.ch06.broken.SequentialFanOut;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Checks the test you write in {@link YourConcurrencyTests}. Nothing to change here. */
@Tag("exercise")
@DisplayName("6.1 your test proves the calls overlap")
class Exercise61ConcurrencyTest {

    @Test
    @DisplayName("YourConcurrencyTests pass on RecipeAggregator and catch SequentialFanOut")
    void catchesSequentialFanOut() {
        LearnerTestRun.assertCatches("6.1", YourConcurrencyTests.class, "SequentialFanOut", SequentialFanOut::new,
                "starts each call only when the previous one has ended");
    }
}
