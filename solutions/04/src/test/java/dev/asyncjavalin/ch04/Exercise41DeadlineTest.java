package dev.asyncjavalin.ch04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deadline is proved without a stopwatch. The answer must not come before the deadline (a JDK
 * timer never fires early, so that bound is exact), and it must be there when a timer of the
 * test's own goes off {@link #LOOK_LATER} after the deadline: the JDK runs all of
 * {@code completeOnTimeout}'s timers on one thread, in the order they are due, so an answer timed
 * by the deadline has always been given by then, however busy the machine is. Two deadlines catch
 * an answer that waits a time of its own instead of the one it was asked for.
 */
@Tag("exercise")
@DisplayName("4.1 a deadline with partial results")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first failure a learner reads is the main test's
class Exercise41DeadlineTest {

    /** Far longer than any deadline here: a row marked timeout can only come from the deadline. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    /** How long after the deadline the test looks; an answer that waits longer than asked is still out then. */
    private static final Duration LOOK_LATER = Duration.ofMillis(100);
    /** Only against a hang: every wait below ends by an event long before this. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    private final SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ZERO).start();
    private final PageClient client = PageClient.create(16, 16);

    @BeforeEach
    void warmUp() {
        // one call first: the pages that answer at once then take milliseconds, far less than any deadline here
        assertThat(client.fetch(upstream.url("/recipes/1"), CALL_TIMEOUT)).succeedsWithin(HANG_GUARD);
    }

    @AfterEach
    void stop() {
        client.close();
        upstream.close(); // releases the /hang requests, so nothing outlives the test
    }

    // tag::partial[]
    @Order(1)
    @ParameterizedTest(name = "deadline {0} ms")
    @ValueSource(ints = {300, 500})
    @DisplayName("at the deadline, pages that never answer are timeout rows, the others 200, and the late calls are cancelled")
    void partialResultsAtTheDeadline(int deadlineMs) throws Exception {
        Duration deadline = Duration.ofMillis(deadlineMs);
        List<String> urls = List.of(upstream.url("/hang"), upstream.url("/recipes/1"), upstream.url("/hang"), upstream.url("/recipes/2"));

        List<PageResult> rows = fetchAtTheDeadline(urls, deadline);

        assertThat(rows).as("Exercise 4.1: the rows for /hang, /recipes/1, /hang, /recipes/2 with a deadline of %d ms", deadlineMs)
                .containsExactly(DeadlineFetcher.missed(urls.get(0), deadline), rows.get(1),
                        DeadlineFetcher.missed(urls.get(2), deadline), rows.get(3));
        assertThat(List.of(rows.get(1).status(), rows.get(3).status())).as("Exercise 4.1: the pages that answered at once").containsOnly("200");
    }
    // end::partial[]

    @Test
    @Order(2)
    @DisplayName("the cancelled calls end: the client has no call left")
    void leftoverCallsEnd() throws Exception {
        CountDownLatch noCallsLeft = new CountDownLatch(1);
        List<String> urls = List.of(upstream.url("/hang"), upstream.url("/recipes/1"), upstream.url("/hang"));

        fetchAtTheDeadline(urls, Duration.ofMillis(200));
        client.okHttp().dispatcher().setIdleCallback(noCallsLeft::countDown);

        assertThat(client.okHttp().dispatcher().runningCallsCount() == 0 || noCallsLeft.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS))
                .as("Exercise 4.1: the /hang calls still ran %d s after the deadline", HANG_GUARD.toSeconds()).isTrue();
    }

    @Test
    @Order(3)
    @DisplayName("when every page answers in time, the answer comes at once, without waiting for the deadline")
    void noWaitWhenAllAnswered() throws Exception {
        fetchAtTheDeadline(List.of(upstream.url("/hang")), Duration.ofMillis(50)); // the stub never waits, and fails here
        List<String> urls = List.of(upstream.url("/recipes/1"), upstream.url("/recipes/2"));

        CompletableFuture<List<PageResult>> results = new DeadlineFetcher(client, CALL_TIMEOUT).fetchAll(urls, Duration.ofSeconds(60));

        assertThat(results).as("Exercise 4.1: the answer to two pages that answer at once, with a deadline of 60 s")
                .succeedsWithin(HANG_GUARD)
                .extracting(rows -> rows.stream().map(PageResult::status).toList())
                .isEqualTo(List.of("200", "200"));
    }

    @Test
    @Order(4)
    @DisplayName("/async_get_urls_v2?deadline_ms= answers with the pages that made it and says which missed it")
    void routeAnswersAtTheDeadline() throws Exception {
        // the route's wait ends only by the deadline, so make sure the deadline works before asking it
        fetchAtTheDeadline(List.of(upstream.url("/hang")), Duration.ofMillis(50));
        UpstreamUrls someHang = UpstreamUrls.of(List.of(upstream.url("/recipes/1"), upstream.url("/hang")));
        JavalinTest.test(App.create(someHang), (server, http) -> {
            // the route waits out the deadline for /hang: long enough that the page with no delay is in by
            // then even on a machine loaded enough to take 250 ms for it (seen in CI), short enough to wait
            var response = http.get("/async_get_urls_v2?deadline_ms=1500");
            String html = response.body().string();

            assertThat(response.code()).as("Exercise 4.1: the status of /async_get_urls_v2?deadline_ms=1500").isEqualTo(200);
            assertThat(ResultRows.statuses(html)).as("Exercise 4.1: the status column").containsExactly("200", "timeout");
            assertThat(html).as("Exercise 4.1: the timeout row says it missed the deadline (not the call's own 3 s timeout)")
                    .contains("no answer within the deadline of 1350 ms", "Deadline 1500 ms, 1350 of them for the calls: 1 of 2 pages had not answered in time.");
        });
    }

    /**
     * Fetches {@code urls} with {@code deadline} and returns the rows once the deadline has passed,
     * failing with a message that names the mistake if they came too early, too late, or not at all.
     */
    private List<PageResult> fetchAtTheDeadline(List<String> urls, Duration deadline) throws Exception {
        long askedAt = System.nanoTime();
        CompletableFuture<List<PageResult>> results = new DeadlineFetcher(client, CALL_TIMEOUT).fetchAll(urls, deadline);
        CompletableFuture<Long> answeredAt = results.handle((rows, failure) -> System.nanoTime());
        // set after the answer's own timers, so due after them: the JDK's one timer thread runs them first
        CompletableFuture<Boolean> answeredByThen = new CompletableFuture<Void>()
                .completeOnTimeout(null, deadline.plus(LOOK_LATER).toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(due -> results.isDone());

        if (!answeredByThen.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("Exercise 4.1: no answer yet %d ms after the deadline of %d ms: a page not in by the deadline must end then"
                    + " (the timeout is the deadline itself, in milliseconds)", LOOK_LATER.toMillis(), deadline.toMillis());
        }
        try {
            List<PageResult> rows = results.get();
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(answeredAt.get() - askedAt);
            assertThat(waitedMs).as("Exercise 4.1: the answer came %d ms after asking, before the deadline of %d ms:"
                    + " pages that could still have answered were cut off", waitedMs, deadline.toMillis())
                    .isGreaterThanOrEqualTo(deadline.toMillis());
            // the page's own future completed at the deadline has cancelled its call (PageClient does that)
            List<Call> notCancelled = client.okHttp().dispatcher().runningCalls().stream().filter(call -> !call.isCanceled()).toList();
            if (!notCancelled.isEmpty()) {
                fail("Exercise 4.1: %d call(s) still running, not cancelled, after the deadline: complete the page's own future"
                        + " (page.completeOnTimeout), so that PageClient cancels its call", notCancelled.size());
            }
            return rows;
        } catch (ExecutionException e) {
            String failure = e.getCause() instanceof TimeoutException ? "a TimeoutException (orTimeout?)" : String.valueOf(e.getCause());
            return fail("Exercise 4.1: the answer failed with %s; a page that misses the deadline must become a timeout row"
                    + " (missed(url, deadline)), so the other pages still show", failure);
        }
    }
}
