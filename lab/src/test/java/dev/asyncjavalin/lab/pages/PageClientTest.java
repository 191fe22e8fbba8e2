package dev.asyncjavalin.lab.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PageClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.builder().pages(3).barrier(3).start();
    @AutoClose
    private final PageClient pages = PageClient.create(64, 10);

    @Test
    @DisplayName("fetch starts calls without waiting: three of them meet at a barrier of three")
    void fetchesConcurrently() {
        List<CompletableFuture<PageResult>> started = upstream.recipeUrls().stream().map(url -> pages.fetch(url, TIMEOUT)).toList();

        assertThat(started).allSatisfy(page -> assertThat(page).succeedsWithin(TIMEOUT).extracting(PageResult::status).isEqualTo("200"));
        assertThat(upstream.maxInFlight()).isEqualTo(3);
    }

    @Test
    @DisplayName("a refused connection completes the future normally, with an 'unreachable' row")
    void failuresAreRows() {
        String refused = upstream.faultUrls().get("nothing listening");

        assertThat(pages.fetch(refused, TIMEOUT)).succeedsWithin(TIMEOUT).extracting(PageResult::status).isEqualTo("unreachable");
        assertThat(pages.fetchBlocking(refused, TIMEOUT).status()).isEqualTo("unreachable");
    }

    @Test
    @DisplayName("a redirect to another host becomes a 'redirected' row, and nothing is fetched there")
    void redirectsAreNotFollowed() {
        try (SlowUpstream elsewhere = SlowUpstream.start()) {
            // the same machine by another name: a host the client was not given
            String offHost = elsewhere.url("/recipes/1").replace("127.0.0.1", "localhost");
            String redirecting = upstream.url("/redirect?to=" + offHost);

            PageResult async = pages.fetch(redirecting, TIMEOUT).join();
            PageResult blocking = pages.fetchBlocking(redirecting, TIMEOUT);

            assertThat(List.of(async, blocking)).allSatisfy(row -> {
                assertThat(row.outcome()).isEqualTo(Outcome.REDIRECTED);
                assertThat(row.status()).isEqualTo("redirected");
                assertThat(row.httpStatus()).isEqualTo(302);
                assertThat(row.detail()).isEqualTo("redirected to localhost, not followed");
            });
            assertThat(elsewhere.received()).as("requests that reached the other host").isZero();
        }
    }

    @Test
    @DisplayName("completing the future first cancels its call, so the dispatcher goes idle")
    void completingCancelsTheCall() throws InterruptedException {
        CountDownLatch idle = new CountDownLatch(1);
        pages.okHttp().dispatcher().setIdleCallback(idle::countDown);
        CompletableFuture<PageResult> hanging = pages.fetch(upstream.url("/hang"), TIMEOUT);

        hanging.complete(PageResult.failed(upstream.url("/hang"), Outcome.TIMEOUT, "deadline", Duration.ZERO));

        // /hang never answers: only the cancel can end the call before its 5 s timeout
        assertThat(idle.await(TIMEOUT.toMillis() / 2, TimeUnit.MILLISECONDS)).as("dispatcher idle after cancel").isTrue();
    }

    @Test
    @DisplayName("a call waiting in the client's queue still ends at its timeout, and is never sent")
    void queuedCallsKeepTheirDeadline() throws InterruptedException {
        try (PageClient oneAtATime = PageClient.create(1, 1)) {
            CountDownLatch idle = new CountDownLatch(1);
            oneAtATime.okHttp().dispatcher().setIdleCallback(idle::countDown);
            CompletableFuture<PageResult> holdsTheOnlySlot = oneAtATime.fetch(upstream.url("/hang"), Duration.ofMinutes(1));
            assertThat(upstream.awaitReceived(1, TIMEOUT)).as("the first call reached the upstream").isTrue();
            CompletableFuture<PageResult> queued = oneAtATime.fetch(upstream.url("/hang"), Duration.ofMillis(200));

            // without a deadline of its own, the queued call would wait for the first one: a minute
            assertThat(queued).succeedsWithin(TIMEOUT).satisfies(row -> {
                assertThat(row.outcome()).isEqualTo(Outcome.TIMEOUT);
                assertThat(row.detail()).contains("no answer within 200 ms", "queue");
            });
            assertThat(holdsTheOnlySlot).isNotDone();

            // freeing the slot lets the dispatcher take the queued call, which it finds cancelled
            holdsTheOnlySlot.complete(PageResult.failed(upstream.url("/hang"), Outcome.TIMEOUT, "test over", Duration.ZERO));
            assertThat(idle.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("dispatcher idle").isTrue();
            assertThat(upstream.received()).as("requests that reached the upstream: the queued one never did").isEqualTo(1);
        }
    }
}
