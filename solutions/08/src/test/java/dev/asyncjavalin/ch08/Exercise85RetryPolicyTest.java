package dev.asyncjavalin.ch08;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 8.5, with delays that never pass on their own: the test sees every wait the policy asks
 * for and runs the next attempt itself, on its own thread. No clock, no sleep, no other thread.
 */
@Tag("exercise")
@DisplayName("8.5 retry a step with exponential backoff")
class Exercise85RetryPolicyTest {

    private static final Duration FIRST = Duration.ofMillis(100);

    private final FakeDelays delays = new FakeDelays();

    @Test
    @DisplayName("fails twice, then succeeds: 3 calls, waits of 100 and 200 ms asked of the delays, the value")
    void retriesUntilTheStepSucceeds() {
        RetryPolicy policy = new RetryPolicy(5, FIRST, Duration.ofSeconds(10), delays);
        Step step = new Step(2);

        CompletableFuture<String> result = policy.run(step);

        assertThat(delays.asked()).as("Exercise 8.5: waits asked of the delays after the first failure: the wait is"
                + " delays.after(...), never a thread that sleeps or blocks").containsExactly(FIRST);
        assertThat(step.calls()).as("Exercise 8.5: calls of the step when run returns: the first attempt runs at once").isEqualTo(1);
        assertThat(result).as("Exercise 8.5: the result while the second attempt waits").isNotDone();

        delays.passNext();
        assertThat(step.calls()).as("Exercise 8.5: calls once the first wait has passed").isEqualTo(2);
        assertThat(delays.asked()).as("Exercise 8.5: the waits so far: each one doubles").containsExactly(FIRST, FIRST.multipliedBy(2));

        delays.passNext();
        assertThat(result.join()).as("Exercise 8.5: the value of the attempt that succeeded").isEqualTo("value of call 3");
        assertThat(step.calls()).as("Exercise 8.5: calls in all: none after a success").isEqualTo(3);
        assertThat(delays.pending()).as("Exercise 8.5: attempts still scheduled after a success").isZero();
    }

    @Test
    @DisplayName("always fails: exactly maxAttempts calls, then the last error, with the earlier ones suppressed in order")
    void givesUpWithTheLastError() {
        RetryPolicy policy = new RetryPolicy(3, FIRST, Duration.ofSeconds(10), delays);
        Step step = new Step(Integer.MAX_VALUE);

        CompletableFuture<String> result = policy.run(step);
        while (delays.pending() > 0 && step.calls() <= 3) {
            delays.passNext();
        }

        assertThat(step.calls()).as("Exercise 8.5: calls of a step that always fails, with maxAttempts 3: attempts count"
                + " the first call (off by one?)").isEqualTo(3);
        assertThat(delays.asked()).as("Exercise 8.5: waits between 3 attempts").hasSize(2);
        assertThat(result.isCompletedExceptionally()).as("Exercise 8.5: the result after the last attempt failed: a failure,"
                + " never swallowed (%s)", result.isDone() ? "completed normally" : "never completed").isTrue();
        Throwable failure = causeOf(result);
        assertThat(failure).as("Exercise 8.5: the error the result fails with: the last attempt's, which says the most about"
                + " now").isSameAs(step.errors().get(2));
        assertThat(failure.getSuppressed()).as("Exercise 8.5: the earlier attempts' errors, kept as suppressed on the last,"
                + " in order").containsExactly(step.errors().get(0), step.errors().get(1));
    }

    @Test
    @DisplayName("waits double up to maxDelay and stay there, for 70 attempts, without overflow")
    void waitsDoubleUpToTheCap() {
        // microseconds, so that an answer that sleeps instead of asking the delays still fails fast
        Duration first = Duration.ofNanos(1_000);
        Duration cap = Duration.ofNanos(50_000);
        RetryPolicy policy = new RetryPolicy(70, first, cap, delays);
        Step step = new Step(Integer.MAX_VALUE);

        CompletableFuture<String> result = policy.run(step);
        while (delays.pending() > 0 && step.calls() <= 70) {
            delays.passNext();
        }

        List<Duration> expected = new ArrayList<>();
        for (long micros : new long[] {1, 2, 4, 8, 16, 32}) {
            expected.add(Duration.ofNanos(micros * 1_000));
        }
        while (expected.size() < 69) {
            expected.add(cap);
        }
        assertThat(delays.asked()).as("Exercise 8.5: the 69 waits between 70 attempts, from 1 µs doubling to the cap of 50 µs"
                + " (a wait past the cap, or one that overflowed, shows here)").containsExactlyElementsOf(expected);
        assertThat(result.isCompletedExceptionally()).as("Exercise 8.5: the result after 70 failed attempts").isTrue();
        assertThat(causeOf(result)).as("Exercise 8.5: the error after 70 attempts: the last attempt's, not one the policy"
                + " threw itself (an overflow?)").isSameAs(step.errors().get(69));
    }

    @Test
    @DisplayName("impossible settings are refused with IllegalArgumentException; maxAttempts 1 means one call and no wait")
    void refusesImpossibleSettings() {
        assertThatThrownBy(() -> new RetryPolicy(0, FIRST, FIRST, delays)).as("Exercise 8.5: maxAttempts 0")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), delays))
                .as("Exercise 8.5: a maxDelay below firstDelay").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(-1), Duration.ofSeconds(1), delays))
                .as("Exercise 8.5: a negative firstDelay").isInstanceOf(IllegalArgumentException.class);

        Step step = new Step(Integer.MAX_VALUE);
        CompletableFuture<String> once = new RetryPolicy(1, FIRST, FIRST, delays).run(step);
        assertThat(step.calls()).as("Exercise 8.5: calls with maxAttempts 1").isEqualTo(1);
        assertThat(delays.pending()).as("Exercise 8.5: waits asked with maxAttempts 1").isZero();
        assertThat(causeOf(once)).as("Exercise 8.5: the only error").isSameAs(step.errors().get(0));
    }

    private static Throwable causeOf(CompletableFuture<?> result) {
        assertThat(result).as("Exercise 8.5: the result after the last attempt").isDone();
        try {
            result.join();
            throw new AssertionError("Exercise 8.5: the result completed normally after every attempt failed: the failure"
                    + " was swallowed");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    /** A step that fails its first {@code failures} calls, each with an error of its own, then returns a value. */
    private static final class Step implements Callable<String> {
        private final int failures;
        private final AtomicInteger calls = new AtomicInteger();
        private final List<Exception> errors = new ArrayList<>();

        Step(int failures) {
            this.failures = failures;
        }

        @Override
        public String call() throws Exception {
            int call = calls.incrementAndGet();
            if (call <= failures) {
                Exception error = new IOException("call " + call + " failed");
                errors.add(error);
                throw error;
            }
            return "value of call " + call;
        }

        int calls() {
            return calls.get();
        }

        List<Exception> errors() {
            return errors;
        }
    }

    /** Delays that pass only when the test says, in the order they were asked for. */
    private static final class FakeDelays implements RetryPolicy.Delays {
        private final List<Duration> asked = new ArrayList<>();
        private final Deque<Runnable> waiting = new ArrayDeque<>();

        @Override
        public void after(Duration delay, Runnable task) {
            asked.add(delay);
            waiting.add(task);
        }

        void passNext() {
            Runnable next = waiting.poll();
            assertThat(next).as("Exercise 8.5: an attempt scheduled on the delays").isNotNull();
            next.run(); // an exception escaping here would be lost on a real scheduler's thread
        }

        int pending() {
            return waiting.size();
        }

        List<Duration> asked() {
            return asked;
        }
    }
}
