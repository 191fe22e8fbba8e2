package dev.asyncjavalin.ch07;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The calls here are futures the test ends by hand, in the order it chooses: no network, no clock.
 * Each test counts which calls have started after each step, so "at most K", "one more per call
 * that ends", "a failure gives its permit back" and "a caller that gave up never starts" are each
 * one exact count.
 */
@Tag("exercise")
@DisplayName("7.5 at most K calls on the event loop")
class Exercise75AsyncPermitsTest {

    /** The calls started so far, in the order they started; each one ends when the test says so. */
    private final List<CompletableFuture<String>> started = new CopyOnWriteArrayList<>();

    private Supplier<CompletableFuture<String>> aCall() {
        return () -> {
            CompletableFuture<String> call = new CompletableFuture<>();
            started.add(call);
            return call;
        };
    }

    // tag::limit[]
    @Test
    @DisplayName("with 3 permits and 9 calls, 3 start at once, and each call that ends lets the next one in line start")
    void kStartAndEachEndLetsOneMoreIn() throws Exception {
        AsyncPermits permits = new AsyncPermits(3);
        List<CompletableFuture<String>> results = submit(permits, 9);

        assertThat(started).as("Exercise 7.5: calls started with 3 permits, of 9 asked for").hasSize(3);
        for (int ended = 1; ended <= 9; ended++) {
            started.get(ended - 1).complete("page " + ended);
            assertThat(started).as("Exercise 7.5: calls started once %d ended (one more each, never more than 3"
                    + " running)", ended).hasSize(Math.min(9, ended + 3));
        }
        assertThat(results).extracting(CompletableFuture::join).as("Exercise 7.5: each caller gets its own call's result,"
                + " and the calls start in the order they were asked for").containsExactly("page 1", "page 2", "page 3",
                "page 4", "page 5", "page 6", "page 7", "page 8", "page 9");
    }
    // end::limit[]

    @Test
    @DisplayName("a call that fails, and a call that throws before it starts, give their permits back")
    void failuresGiveTheirPermitsBack() throws Exception {
        AsyncPermits permits = new AsyncPermits(1);
        IllegalStateException refused = new IllegalStateException("the call could not even start");
        List<CompletableFuture<String>> results = new ArrayList<>();
        results.addAll(submit(permits, 1));
        results.add(callOffTheTestThread(() -> permits.withPermit(() -> {
            throw refused;
        })));
        results.addAll(submit(permits, 1));

        started.get(0).completeExceptionally(new java.io.IOException("connection lost"));

        assertThat(started).as("Exercise 7.5: calls started with 1 permit after the first failed and the second threw:"
                + " each must give its permit back, whatever happened").hasSize(2);
        assertThat(results.get(0)).as("Exercise 7.5: the caller of a call that failed gets its failure").isCompletedExceptionally();
        assertThat(results.get(1)).as("Exercise 7.5: the caller of a call that threw gets what it threw").isCompletedExceptionally();
    }

    @Test
    @DisplayName("a caller that gives up while it waits never starts its call, and its turn goes to the next in line")
    void aCallerThatGaveUpNeverStarts() throws Exception {
        AsyncPermits permits = new AsyncPermits(1);
        List<CompletableFuture<String>> results = submit(permits, 3);

        results.get(1).complete("timeout"); // its deadline passed while it waited for a permit
        started.get(0).complete("page 1");

        assertThat(started).as("Exercise 7.5: calls started after the first ended, the second having given up: only"
                + " the third (a caller that gave up must never start)").hasSize(2);
        started.get(1).complete("page 3");
        assertThat(results.get(2)).as("Exercise 7.5: the third caller's result").isCompletedWithValue("page 3");
        submit(permits, 1);
        assertThat(started).as("Exercise 7.5: with every call ended, a new one starts at once (no permit lost to the"
                + " caller that gave up)").hasSize(3);
    }

    @Test
    @DisplayName("ending a caller's result while its call runs cancels the call and frees its permit")
    void endingTheResultEndsTheCall() throws Exception {
        AsyncPermits permits = new AsyncPermits(1);
        List<CompletableFuture<String>> results = submit(permits, 2);

        results.get(0).complete("timeout"); // the deadline passed while the call ran

        assertThat(started.get(0)).as("Exercise 7.5: the call of a caller that gave up, cancelled").isCancelled();
        assertThat(started).as("Exercise 7.5: the next call starts once the permit is free again").hasSize(2);
    }

    /** Asks for {@code count} calls, each from a thread that may not block; returns the callers' futures in order. */
    private List<CompletableFuture<String>> submit(AsyncPermits permits, int count) throws Exception {
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            results.add(callOffTheTestThread(() -> permits.withPermit(aCall())));
        }
        return results;
    }

    /**
     * Runs {@code withPermit} on a daemon thread and waits at most 5 s for it to return: it returns at
     * once in a right answer, so only an answer that blocks its caller ever meets the bound.
     */
    private static <T> CompletableFuture<T> callOffTheTestThread(Supplier<CompletableFuture<T>> withPermit) throws Exception {
        CompletableFuture<CompletableFuture<T>> returned = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                returned.complete(withPermit.get());
            } catch (Throwable e) {
                returned.completeExceptionally(e);
            }
        }, "test-caller");
        caller.setDaemon(true);
        caller.start();
        try {
            return returned.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            fail("Exercise 7.5: withPermit blocked its caller while no permit was free (%s); on the event loop nothing"
                    + " may wait: return a future that completes when the call has had its turn", caller.getState());
            throw new AssertionError(e);
        }
    }
}
