package dev.asyncjavalin.ch06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 6.2: your test that the deadline ends the wait for a page that never answers.
 *
 * <p>Test {@link #aggregator}, which {@link Subject} hands out. {@link Exercise62DeadlineTest} runs this class
 * against every aggregator in {@link Variants}: on each correct one every test must pass, and on each
 * of NoDeadline, FailsAtDeadline and TimeoutForAll at least one must fail. Run it on its own from your IDE
 * to watch it pass on the correct code.
 */
@Tag("exercise")
class YourDeadlineTests {

    @AutoClose
    private final PageClient client = PageClient.create(64, 64);
    private final Aggregator aggregator = Subject.aggregator(client);

    // EXERCISE 6.2: write a test, with a short injected deadline, that fails when fetchAll waits past it
    @Test
    @DisplayName("a page that never answers becomes a timeout row at the deadline")
    void deadlineEndsTheWait() {
        throw new dev.asyncjavalin.lab.ExerciseNotSolved("6.2", "write a test, with a short injected deadline, that fails when fetchAll waits past it");
    }
    // END EXERCISE 6.2
}
