package dev.asyncjavalin.ch04;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("4.1 a deadline with partial results")
class Exercise41DeadlineTest {

    /** Far longer than any deadline here: a row marked timeout can only come from the deadline. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /** How long the test waits for an answer that the deadline promises after two seconds (generous: CI machines are busy). */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ZERO).start();
    private final PageClient client = PageClient.create(16, 16);

    @AfterEach
    void stop() {
        client.close();
        upstream.close(); // releases the /hang requests, so nothing outlives the test
    }

    // tag::partial[]
    @Test
    @DisplayName("pages that never answer are timeout rows at the deadline; the others are 200")
    void partialResultsAtTheDeadline() {
        List<String> urls = List.of(upstream.url("/hang"), upstream.url("/recipes/1"), upstream.url("/hang"), upstream.url("/recipes/2"));

        CompletableFuture<List<PageResult>> results = new DeadlineFetcher(client, CALL_TIMEOUT).fetchAll(urls, DEADLINE);

        assertThat(results).as("Exercise 4.1: the answer, awaited for %d s, to a deadline of %d ms", PATIENCE.toSeconds(), DEADLINE.toMillis())
                .succeedsWithin(PATIENCE)
                .extracting(rows -> rows.stream().map(PageResult::status).toList())
                .isEqualTo(List.of("timeout", "200", "timeout", "200"));
    }
    // end::partial[]

    @Test
    @DisplayName("the calls still running at the deadline are cancelled")
    void leftoverCallsAreCancelled() throws InterruptedException {
        CountDownLatch noCallsLeft = new CountDownLatch(1);
        client.okHttp().dispatcher().setIdleCallback(noCallsLeft::countDown);
        // a /hang first: the dispatcher cannot be idle before it ends
        List<String> urls = List.of(upstream.url("/hang"), upstream.url("/recipes/1"), upstream.url("/hang"));

        new DeadlineFetcher(client, CALL_TIMEOUT).fetchAll(urls, DEADLINE);

        assertThat(noCallsLeft.await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .as("Exercise 4.1: the /hang calls were still running %d s after a deadline of %d ms: nobody cancelled them",
                        PATIENCE.toSeconds(), DEADLINE.toMillis())
                .isTrue();
        assertThat(client.okHttp().dispatcher().runningCallsCount()).isZero();
    }

    @Test
    @DisplayName("/async_get_urls_v2?deadline_ms= answers with the pages that made it and says which missed it")
    void routeAnswersAtTheDeadline() {
        UpstreamUrls someHang = UpstreamUrls.of(List.of(upstream.url("/recipes/1"), upstream.url("/hang")));
        JavalinTest.test(App.create(someHang), (server, http) -> {
            var response = http.get("/async_get_urls_v2?deadline_ms=2000");
            String html = response.body().string();

            assertThat(response.code()).isEqualTo(200);
            assertThat(ResultRows.statuses(html)).as("Exercise 4.1: the status column").containsExactly("200", "timeout");
            assertThat(html).as("Exercise 4.1: the timeout row says it missed the deadline (not the call's own 3 s timeout)")
                    .contains("no answer within the deadline of 2000 ms");
        });
    }
}
