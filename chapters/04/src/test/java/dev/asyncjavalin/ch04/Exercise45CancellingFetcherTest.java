package dev.asyncjavalin.ch04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every proof is an event of the OkHttp client (a {@link CallWatch}), never a stopwatch. The
 * upstream's {@code /hang} never answers, and the client gives every call a read timeout of its own
 * of {@link #OWN_TIMEOUT}, longer than any deadline here: a /hang call ends either cancelled, which
 * is the lesson, or by that timeout, which the watch tells apart at once.
 */
@Tag("exercise")
@DisplayName("4.5 a fetcher that cancels what nobody waits for")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first failure a learner reads is the main test's
class Exercise45CancellingFetcherTest {

    private static final Duration OWN_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration DEADLINE = Duration.ofMillis(300);
    /** Only against a hang: every wait below ends by an event long before this. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    private final SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ZERO).start();
    private final CallWatch watch = new CallWatch();
    private final OkHttpClient client = new OkHttpClient.Builder()
            .readTimeout(OWN_TIMEOUT) // not a call timeout: OkHttp ends that one by cancelling the call, which would pass for the lesson
            .eventListener(watch).build();

    @BeforeEach
    void warmUp() throws Exception {
        // one call first: the pages that answer at once then take milliseconds, far less than the deadline
        try (Response response = client.newCall(new Request.Builder().url(upstream.url("/recipes/1")).build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
    }

    @AfterEach
    void stop() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        upstream.close(); // releases the /hang requests, so nothing outlives the test
    }

    // tag::deadline[]
    @Test
    @Order(1)
    @DisplayName("at the deadline the rows are there, the pages not in are missed rows, and their calls are cancelled")
    void deadlineCancelsTheLateCalls() throws Exception {
        List<String> urls = List.of(upstream.url("/recipes/1"), upstream.url("/hang"), upstream.url("/hang"));

        CompletableFuture<List<PageResult>> results = new CancellingFetcher(client).fetchAll(urls, DEADLINE);
        List<PageResult> rows;
        try {
            rows = results.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            rows = fail("Exercise 4.5: the answer failed with %s: at the deadline, a page not in is a missed row, and the pages"
                    + " that answered still show", String.valueOf(e.getCause()));
        }

        assertThat(rows.stream().map(row -> row.status() + ": " + row.detail()).toList())
                .as("Exercise 4.5: the rows for /recipes/1, /hang, /hang with a deadline of %d ms (complete the answer, then cancel:"
                        + " a cancelled call's page ends as 'Canceled' or 'Socket closed', and may complete allOf first)", DEADLINE.toMillis())
                .containsExactly("200: ", "timeout: " + DeadlineFetcher.missed(urls.get(1), DEADLINE).detail(),
                        "timeout: " + DeadlineFetcher.missed(urls.get(2), DEADLINE).detail());
        assertThat(rows).as("Exercise 4.5: the rows of the pages that missed the deadline are DeadlineFetcher.missed(url, deadline)")
                .containsExactly(rows.get(0), DeadlineFetcher.missed(urls.get(1), DEADLINE), DeadlineFetcher.missed(urls.get(2), DEADLINE));
        for (CompletableFuture<Boolean> end : watch.endsOf(upstream.url("/hang"))) {
            if (!end.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("Exercise 4.5: a /hang call ran on after the deadline until its own %d s timeout: when the deadline passes,"
                        + " cancel every call still running (Call.cancel)", OWN_TIMEOUT.toSeconds());
            }
        }
    }
    // end::deadline[]

    // tag::cancelled[]
    @Test
    @Order(2)
    @DisplayName("a caller that cancels the answer cancels every call still running")
    void cancelledAnswerCancelsTheCalls() throws Exception {
        List<String> urls = List.of(upstream.url("/hang"), upstream.url("/recipes/1"), upstream.url("/hang"));
        CompletableFuture<List<PageResult>> results = new CancellingFetcher(client).fetchAll(urls, Duration.ofSeconds(60));
        for (CompletableFuture<Boolean> end : watch.endsOf(upstream.url("/recipes/1"))) {
            end.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS); // one call done, two running
        }

        results.cancel(true); // what a route does when its visitor has gone

        List<CompletableFuture<Boolean>> hanging = watch.endsOf(upstream.url("/hang"));
        assertThat(hanging).as("Exercise 4.5: the calls started for /hang").hasSize(2);
        for (CompletableFuture<Boolean> end : hanging) {
            if (!end.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("Exercise 4.5: the answer was cancelled, and a /hang call ran on until its own %d s timeout: cancelling the"
                        + " future you returned must cancel every call still running (hang that on the future itself)", OWN_TIMEOUT.toSeconds());
            }
        }
    }
    // end::cancelled[]

    @Test
    @Order(3)
    @DisplayName("when every page answers before the deadline, the rows come then, not at the deadline")
    void noWaitWhenAllAnswered() {
        List<String> urls = List.of(upstream.url("/recipes/1"), upstream.url("/recipes/2"));

        CompletableFuture<List<PageResult>> results = new CancellingFetcher(client).fetchAll(urls, Duration.ofSeconds(60));

        assertThat(results).as("Exercise 4.5: the rows of two pages that answer at once, with a deadline of 60 s: the answer"
                + " comes when the last page is in, or at the deadline, whichever is first")
                .succeedsWithin(HANG_GUARD)
                .extracting(rows -> rows.stream().map(PageResult::status).toList())
                .isEqualTo(List.of("200", "200"));
    }
}
