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
    void holdsNoThread() throws InterruptedException {
        try (SlowUpstream upstream = SlowUpstream.builder().start()) {
            // /held answers only when the test says so: until then, the calls are out, however slow the machine
            List<String> urls = List.of(upstream.url("/held"), upstream.url("/held"));
            CompletableFuture<List<PageResult>> rows = aggregator.fetchAll(urls, Duration.ofSeconds(2));

            assertThat(rows).as("the future fetchAll returned, while both pages are held").isNotDone();
            assertThat(upstream.awaitReceived(urls.size(), Duration.ofSeconds(5))).as("both calls reached the upstream").isTrue();
            assertThat(threadsRunning(aggregator.getClass()))
                    .as("threads that run %s's code outside a call of fetchAll, while the pages are held", aggregator.getClass().getSimpleName())
                    .isEmpty();
            upstream.releaseHeld();
            assertThat(rows).succeedsWithin(Duration.ofSeconds(5)); // answered or timed out: the rows are 6.2's business
        }
    }

    /**
     * The threads that wait (parked or blocked) with {@code code} on their stack but not inside its
     * fetchAll: work it handed to a thread that sits until the pages are in. A call of fetchAll in
     * progress elsewhere is left out. A thread that runs such code at this instant may be on its way
     * to wait (a pool thread that has just sent the calls and is about to join), or be a callback of
     * another test's aggregator about to end: look again until it waits or has gone, so the verdict
     * never depends on catching it at the right moment. One still running that code after 5 s holds
     * its thread as surely as one that waits, and counts.
     */
    private static List<String> threadsRunning(Class<?> code) {
        long lookUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            List<java.lang.management.ThreadInfo> inCode = Arrays.stream(java.lang.management.ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                    .filter(thread -> Arrays.stream(thread.getStackTrace()).anyMatch(frame -> frame.getClassName().equals(code.getName())))
                    .filter(thread -> Arrays.stream(thread.getStackTrace()).noneMatch(frame -> frame.getClassName().equals(code.getName())
                            && frame.getMethodName().equals("fetchAll")))
                    .toList();
            List<String> waiting = inCode.stream()
                    .filter(thread -> thread.getThreadState() != Thread.State.RUNNABLE)
                    .map(java.lang.management.ThreadInfo::getThreadName)
                    .toList();
            if (!waiting.isEmpty() || inCode.isEmpty()) {
                return waiting;
            }
            if (System.nanoTime() > lookUntil) {
                return inCode.stream().map(java.lang.management.ThreadInfo::getThreadName).toList();
            }
            Thread.yield(); // still running that code: look again once it has moved on
        }
    }
    // END EXERCISE 6.5
}
