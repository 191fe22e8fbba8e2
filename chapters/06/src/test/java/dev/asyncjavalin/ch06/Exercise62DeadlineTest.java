package dev.asyncjavalin.ch06;

import dev.asyncjavalin.ch06.broken.NoDeadline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Checks the test you write in {@link YourDeadlineTests}. Nothing to change here. */
@Tag("exercise")
@DisplayName("6.2 your test proves the deadline ends the wait, fast")
class Exercise62DeadlineTest {

    @Test
    @DisplayName("YourDeadlineTests pass on RecipeAggregator and catch NoDeadline")
    void catchesNoDeadline() {
        LearnerTestRun.assertCatches("6.2", YourDeadlineTests.class, "NoDeadline", NoDeadline::new,
                "ignores the deadline and waits up to the 10 s call timeout for a page that never answers");
    }
}
