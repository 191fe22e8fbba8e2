package dev.asyncjavalin.ch06;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 6.5 (stretch): your test that {@code fetchAll} holds no thread while its pages are out.
 *
 * <p>Test {@link #aggregator}, which {@link Subject} hands out. {@link Exercise65ThreadTest} runs this class
 * against every aggregator in {@link Variants}: on each correct one every test must pass, and on each
 * of BlocksCaller, BlocksPoolThread and ThreadPerRequest at least one must fail.
 */
@Tag("exercise")
class YourThreadTests {

    @AutoClose
    private final PageClient client = PageClient.create(64, 64);
    private final Aggregator aggregator = Subject.aggregator(client);

    // EXERCISE 6.5: write a test that fails when a thread waits while the pages are out
    @Test
    @DisplayName("while the pages are out, fetchAll has returned and no thread runs the aggregator's code")
    void holdsNoThread() {
        throw new dev.asyncjavalin.lab.ExerciseNotSolved("6.5", "write a test that fails when a thread waits while the pages are out");
    }
    // END EXERCISE 6.5
}
