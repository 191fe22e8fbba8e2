package dev.asyncjavalin.ch07;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.PageResult;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The lesson of 7.3 is that a call waiting for its answer holds no thread. The upstream holds 16
 * calls until the test lets them go, and a watched HttpClient reports, as it happens, any thread
 * that blocks on a call: in {@code send}, or in {@code join()}/{@code get()} before the answer.
 * Failures must be rows, rows keep the order of the URLs, and the deadline ends what is late.
 */
@Tag("exercise")
@DisplayName("7.3 an event-loop fan-out with sendAsync")
class Exercise73EventLoopTest {

    private static final int HELD_CALLS = 16;
    /** Longer than any test here: a timeout row can only come from the deadline. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final WatchedHttpClient http = new WatchedHttpClient(AsyncPageCall.newClient());
    private final ExecutorService caller = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-caller");
        thread.setDaemon(true); // a wrong answer may leave it waiting on a call that never ends
        return thread;
    });

    @AfterEach
    void stop() {
        http.shutdownNow();
        caller.shutdownNow();
    }

    // tag::heldCalls[]
    @Test
    @DisplayName("16 calls wait at the upstream together, fetchAll has returned, and no thread waits for them")
    void callsHoldNoThreadWhileTheyWait() throws Exception {
        try (SlowUpstream upstream = SlowUpstream.start()) {
            List<String> urls = IntStream.rangeClosed(1, HELD_CALLS).mapToObj(i -> upstream.url("/held?call=" + i)).toList();
            EventLoopFetcher fetcher = new EventLoopFetcher(http, CALL_TIMEOUT);

            // on a thread of its own, so that an answer that waits inside fetchAll cannot hold up the test
            CompletableFuture<CompletableFuture<List<PageResult>>> returned =
                    CompletableFuture.supplyAsync(() -> fetcher.fetchAll(urls, CALL_TIMEOUT), caller);
            awaitEither(returned, http.firstWaiter());
            assertThat(http.firstWaiter()).as("Exercise 7.3: a thread (%s) blocked in join() or get() on a call's future"
                    + " before its answer was in: a thread held for a waiting call (in a loop, one call after another)."
                    + " Combine the futures instead, and wait for none of them", waiterName()).isNotDone();
            CompletableFuture<List<PageResult>> rows = returned.join();

            assertThat(upstream.awaitReceived(HELD_CALLS, Duration.ofSeconds(5))).as("Exercise 7.3: calls at the upstream"
                    + " at once: %d of %d; every call must be started before any answer is awaited",
                    upstream.received(), HELD_CALLS).isTrue();
            assertThat(http.sends()).as("Exercise 7.3: calls made with send(), which holds its thread (a virtual one"
                    + " too) until the answer is in: call sendAsync, which returns at once").isZero();
            assertThat(http.asyncCalls()).as("Exercise 7.3: calls sent through the HttpClient the constructor was given;"
                    + " a new HttpClient per call starts its own selector thread and connections, and nobody closes it")
                    .hasSize(HELD_CALLS);
            assertThat(http.waiters()).as("Exercise 7.3: threads that blocked on a call's future before its answer"
                    + " was in, one held per waiting call: combine the futures instead of waiting for each").isEmpty();
            assertThat(ThreadsIn.parkedIn(EventLoopFetcher.class)).as("Exercise 7.3: threads parked in EventLoopFetcher"
                    + " while its calls wait: nothing there should wait at all").isEmpty();
            assertThat(rows).as("Exercise 7.3: fetchAll's future completed while every call was still waiting").isNotDone();

            upstream.releaseHeld();
            assertThat(rows.get(10, TimeUnit.SECONDS)).extracting(PageResult::url, PageResult::status)
                    .as("Exercise 7.3: one row per URL, in the order of the URLs, once the upstream answers")
                    .containsExactlyElementsOf(urls.stream().map(url -> org.assertj.core.groups.Tuple.tuple(url, "200")).toList());
        }
    }
    // end::heldCalls[]

    @Test
    @DisplayName("failures are rows with their outcome, in the order of the URLs, even when the first page answers last")
    void failuresAreRowsInOrder() throws Exception {
        try (SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ZERO).start()) {
            Map<String, String> faults = upstream.faultUrls();
            List<String> urls = List.of(upstream.url("/slow?ms=300"), faults.get("HTTP 500"), faults.get("nothing listening"),
                    faults.get("connection dropped"), upstream.url("/recipes/1"));

            List<PageResult> rows = rowsOf(new EventLoopFetcher(http, CALL_TIMEOUT).fetchAll(urls, CALL_TIMEOUT), 10);

            assertThat(rows).as("Exercise 7.3: rows for %d URLs, of which 3 fail: a failed call is a row with its outcome"
                    + " (AsyncPageCall.failed), never dropped", urls.size()).hasSize(urls.size());
            assertThat(rows).extracting(PageResult::url).as("Exercise 7.3: rows in the order of the URLs, not in the order"
                    + " the answers came (the first page answers last)").containsExactlyElementsOf(urls);
            assertThat(rows).extracting(PageResult::status).as("Exercise 7.3: a failed call is a row with its outcome"
                    + " (AsyncPageCall.failed), never dropped, never an ok row").containsExactly("200", "500", "unreachable",
                    "connection lost", "200");
        }
    }

    // tag::deadline[]
    @Test
    @DisplayName("at the deadline, the pages still out are timeout rows, the others keep theirs, and the late calls are cancelled")
    void theDeadlineEndsWhatIsLate() throws Exception {
        try (SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ZERO).start()) {
            // one page first, so that the client's connection set-up cannot count against the deadline
            AsyncPageCall.fetch(http, upstream.url("/recipes/1"), CALL_TIMEOUT).get(10, TimeUnit.SECONDS);
            List<String> urls = List.of(upstream.url("/recipes/1"), upstream.url("/hang"), upstream.url("/held"),
                    upstream.url("/recipes/2"));
            Duration deadline = Duration.ofSeconds(1);

            List<PageResult> rows = rowsOf(new EventLoopFetcher(http, CALL_TIMEOUT).fetchAll(urls, deadline), 5);

            assertThat(rows).extracting(PageResult::status).as("Exercise 7.3: rows at the deadline of 1000 ms (the calls'"
                    + " own timeout is 60 s)").containsExactly("200", "timeout", "timeout", "200");
            assertThat(rows.subList(1, 3)).extracting(PageResult::detail).as("Exercise 7.3: the rows of pages still out"
                    + " at the deadline (VirtualThreadFetcher.missed)").allMatch(detail -> detail.contains("deadline of 1000 ms"));
            CompletableFuture<?>[] calls = http.asyncCalls().toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.allOf(calls).handle((done, failure) -> null).get(2, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                fail("Exercise 7.3: calls still running after the deadline: a timeout row ends the row, not the call;"
                        + " put the deadline on the future AsyncPageCall.fetch returned, which cancels its call when completed");
            }
        }
    }
    // end::deadline[]

    @Test
    @DisplayName("/event_loop_get_urls has all ten pages in flight at once, rows in page order")
    void theRouteFansOut() {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(10).barrier(10).start()) {
            JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
                String page = client.get("/event_loop_get_urls").body().string();

                assertThat(page).as("Exercise 7.3: the route's page").doesNotContain("not solved yet");
                assertThat(ResultRows.statuses(page)).as("Exercise 7.3: 504 means the barrier of 10 was never reached")
                        .hasSize(10).containsOnly("200");
                assertThat(ResultRows.in(page)).extracting(ResultRows.Row::url).as("Exercise 7.3: rows in page order")
                        .containsExactlyElementsOf(upstream.recipeUrls());
            });
        }
    }

    /** Waits for the first of two futures; a failure of the first is the learner's, shown as it is. */
    private static void awaitEither(CompletableFuture<?> returned, CompletableFuture<?> waiter) throws Exception {
        try {
            CompletableFuture.anyOf(returned, waiter).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            fail("Exercise 7.3: fetchAll did not return within 5 s while its calls waited at the upstream: it must return"
                    + " a future at once and wait for nothing");
        }
    }

    private String waiterName() {
        Thread waiter = http.firstWaiter().getNow(null);
        return waiter == null ? "none" : waiter.getName() + (waiter.isVirtual() ? ", a virtual thread" : "");
    }

    private static List<PageResult> rowsOf(CompletableFuture<List<PageResult>> rows, int seconds) throws Exception {
        try {
            return rows.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("Exercise 7.3: fetchAll's future failed (" + e.getCause() + "): every failure must be"
                    + " a row, and the future itself never fails", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("Exercise 7.3: no rows " + seconds + " s after the call (a deadline ignored, or a"
                    + " page that never ends without one)");
        }
    }
}
