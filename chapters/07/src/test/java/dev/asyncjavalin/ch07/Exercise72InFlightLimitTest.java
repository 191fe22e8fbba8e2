package dev.asyncjavalin.ch07;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * "At most K in flight" has two halves, and a barrier proves each: a barrier of K is reached
 * (K calls do run together), and a barrier of K + 1 never is (K + 1 never do). A fake upstream
 * proves the rest: a call that throws, or that is cancelled while it waits, gives its permit back
 * and starts nothing. None of it can pass while the calls still run one after another (7.1).
 */
@Tag("exercise")
@DisplayName("7.2 at most K calls in flight")
class Exercise72InFlightLimitTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);
    @AutoClose
    private final PageClient client = PageClient.create(64, 5);
    private final VirtualThreadFetcher fetcher = new VirtualThreadFetcher(client, App.CALL_TIMEOUT);

    @BeforeEach
    void exercise71IsSolved() throws InterruptedException {
        String problem = FakeUpstream.threadsOfAFanOut();
        if (!problem.isEmpty()) {
            fail("Exercise 7.2 needs exercise 7.1 solved first: " + problem + ". Until every call has a thread of its own,"
                    + " K calls cannot be in flight together, whatever the permits do: solve 7.1, then check 7.2 again.");
        }
    }

    // tag::limit[]
    @Test
    @DisplayName("with 3 permits and 9 pages, 3 calls are in flight at once, and never more")
    void kCallsRunTogether() throws InterruptedException {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(9).barrier(3).start()) {
            List<PageResult> rows = fetcher.fetchAll(upstream.recipeUrls(), 3, DEADLINE);

            assertThat(rows).extracting(PageResult::status).as("Exercise 7.2: every call runs, 3 at a time (504: 3 calls never"
                    + " ran together; a timeout: a call that finds no free permit must wait for one)").containsOnly("200");
            assertThat(upstream.maxInFlight()).as("Exercise 7.2: most calls in flight at once, with 3 permits (more: a call"
                    + " ran without holding its permit until it was done)").isEqualTo(3);
        }
    }

    @Test
    @DisplayName("with 3 permits, a barrier of 4 is never reached")
    void neverKPlusOne() throws InterruptedException {
        // a short barrier timeout: the three calls that got permits give up after 2 s with 504
        try (SlowUpstream upstream = SlowUpstream.builder().pages(6).barrier(4, Duration.ofSeconds(2)).start()) {
            List<PageResult> rows = fetcher.fetchAll(upstream.recipeUrls(), 3, DEADLINE);

            assertThat(upstream.maxInFlight()).as("Exercise 7.2: most calls in flight at once, with 3 permits (more: a call"
                    + " ran without holding its permit until it was done)").isEqualTo(3);
            assertThat(rows).extracting(PageResult::status).as("Exercise 7.2: a 200 means 4 calls were in flight together")
                    .containsOnly("504");
        }
    }
    // end::limit[]

    @Test
    @DisplayName("/vthread_get_urls keeps at most 5 calls in flight by default")
    void theRouteDefaultsToFive() {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(10).barrier(5).start()) {
            JavalinTest.test(App.create(upstream.urls()), (server, http) -> {
                String page = http.get("/vthread_get_urls").body().string();

                assertThat(ResultRows.statuses(page)).as("Exercise 7.2: 504 means 5 calls never ran together")
                        .hasSize(10).containsOnly("200");
                assertThat(upstream.maxInFlight()).as("Exercise 7.2: most calls in flight at once, by default (more: a call"
                        + " ran without holding its permit until it was done)").isEqualTo(5);
            });
        }
    }

    @Test
    @DisplayName("calls that throw give their permits back: with 2 permits, after 2 failures 2 more calls run together")
    void failuresGiveTheirPermitsBack() throws InterruptedException {
        // the first two calls to arrive fail; the next two wait for each other, so both permits must be free again
        CyclicBarrier lastTwo = new CyclicBarrier(2);
        FakeUpstream.Behaviour failTwiceThenMeet = arrival -> {
            if (arrival <= 2) {
                throw new IllegalStateException("the fake upstream fails call " + arrival + " on purpose");
            }
            return meet(lastTwo);
        };
        try (FakeUpstream fake = new FakeUpstream(failTwiceThenMeet)) {
            // the calls of a fake take microseconds; only a call that never gets a permit meets this deadline
            List<PageResult> rows = new VirtualThreadFetcher(fake.client(), App.CALL_TIMEOUT)
                    .fetchAll(FakeUpstream.urls(4), 2, Duration.ofSeconds(3));

            assertThat(fake.arrivals()).as("Exercise 7.2: calls started, of 4, with 2 permits, after the first 2 threw: "
                    + "the calls that threw kept their permits, so the others waited for ever; give a permit back in a finally block")
                    .isEqualTo(4);
            assertThat(rows).extracting(PageResult::status).as("Exercise 7.2: the two calls after the failures ran together (504: not)")
                    .filteredOn("200"::equals).hasSize(2);
        }
    }

    @Test
    @DisplayName("a call cancelled by the deadline while it waits for a permit never starts")
    void aCancelledWaitStartsNothing() throws InterruptedException {
        // the first call takes the one permit and keeps it past its own cancel, until another call arrives
        // (it had no permit) or for at most 1 s: so the deadline cancels the other two while they still wait
        // for the permit, however its cancels are ordered. Any later call is held until its thread is
        // interrupted, and gives up on its own after 3 s: a call that ends that way ran on after its cancel.
        CountDownLatch anotherArrived = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        List<Integer> notInterrupted = new CopyOnWriteArrayList<>();
        FakeUpstream.Behaviour holdUntilInterrupted = arrival -> {
            if (arrival == 1) {
                holdPastCancel(anotherArrived, Duration.ofSeconds(1));
                return 504;
            }
            anotherArrived.countDown();
            if (!never.await(3, TimeUnit.SECONDS)) {
                notInterrupted.add(arrival);
            }
            return 504;
        };
        try (FakeUpstream fake = new FakeUpstream(holdUntilInterrupted)) {
            List<PageResult> rows = new VirtualThreadFetcher(fake.client(), App.CALL_TIMEOUT)
                    .fetchAll(FakeUpstream.urls(3), 1, Duration.ofMillis(300));

            assertThat(notInterrupted).as("Exercise 7.2: calls that ran on after the deadline had cancelled them (they were "
                    + "waiting for a permit when it passed): an InterruptedException from acquire() ends the call, so let it "
                    + "propagate instead of catching it").isEmpty();
            assertThat(rows).extracting(PageResult::status).as("Exercise 7.2: rows at the deadline").containsOnly("timeout");
        }
    }

    /** Waits for {@code latch} for at most {@code limit}, deaf to interrupts meanwhile; keeps an interrupt for the caller. */
    private static void holdPastCancel(CountDownLatch latch, Duration limit) {
        long until = System.nanoTime() + limit.toNanos();
        boolean interrupted = false;
        while (latch.getCount() > 0 && System.nanoTime() < until) {
            try {
                latch.await(until - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true; // the deadline's cancel: noted, and answered only once the others have had theirs
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the other party arrives too: 200 when both were in flight together, 504 when not within 5 s. */
    private static int meet(CyclicBarrier barrier) throws InterruptedException {
        try {
            barrier.await(5, TimeUnit.SECONDS);
            return 200;
        } catch (BrokenBarrierException | TimeoutException e) {
            return 504;
        }
    }
}
