package dev.asyncjavalin.ch03;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.DaemonThreads;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("3.4 a stream pipeline that starts every call before it waits")
class Exercise34StreamFetcherTest {

    /** Five pages: within OkHttp's default of 5 per host, so this check does not depend on exercise 3.2. */
    private static final int PAGES = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** A right answer has all its calls at the upstream at once; the bound only ends a wrong answer's wait. */
    private static final Duration ARRIVAL_BOUND = Duration.ofSeconds(5);

    private final OkHttpClient client = UpstreamClient.create();
    private final ExecutorService background = Executors.newCachedThreadPool(DaemonThreads.named("exercise-3.4"));

    @AfterEach
    void shutdown() {
        background.shutdownNow();
        UpstreamClient.shutdown(client);
    }

    @Test
    @DisplayName("all 5 calls reach the upstream before the first one is answered (a barrier of 5)")
    void everyCallStartsBeforeTheFirstJoin() {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(PAGES).barrier(PAGES).start()) {
            StreamFetcher fetcher = new StreamFetcher(new PageCalls(client));
            CompletableFuture<List<PageResult>> rows =
                    CompletableFuture.supplyAsync(() -> fetcher.fetchAll(upstream.recipeUrls(), TIMEOUT), background);
            CompletableFuture<Boolean> allArrived = CompletableFuture.supplyAsync(() -> arrived(upstream, PAGES), background);

            CompletableFuture.anyOf(rows, allArrived).join(); // an answer that throws ends the test here, at once
            assertThat(allArrived.join())
                    .as("Exercise 3.4: only %s of %s calls reached the upstream while the first one waited for its answer: the"
                            + " pipeline joins each call before it starts the next (a stream is lazy: each element goes through"
                            + " every step before the next element starts)", upstream.received(), PAGES)
                    .isTrue();
            assertThat(rows).as("Exercise 3.4: fetchAll did not return once the upstream had answered all calls")
                    .succeedsWithin(TIMEOUT)
                    .satisfies(results -> assertThat(results).extracting(PageResult::status)
                            .as("Exercise 3.4: 504 means the 5 calls were never in flight together").containsOnly("200"));
        }
    }

    @Test
    @DisplayName("each URL is called once, and the rows keep the URLs' order")
    void oneCallPerUrlInOrder() {
        try (SlowUpstream upstream = SlowUpstream.builder().pages(PAGES).latency(Duration.ZERO, Duration.ofMillis(60)).start()) {
            List<String> urls = new ArrayList<>(upstream.recipeUrls());
            Collections.reverse(urls);

            List<PageResult> rows = new StreamFetcher(new PageCalls(client)).fetchAll(urls, TIMEOUT);

            assertThat(upstream.received())
                    .as("Exercise 3.4: the upstream got %s requests for %s URLs: each URL must be called exactly once (a second"
                            + " stream that calls start again to collect the rows repeats every call)", upstream.received(), PAGES)
                    .isEqualTo(PAGES);
            assertThat(rows).extracting(PageResult::url)
                    .as("Exercise 3.4: rows in the URLs' order, whatever order the calls finished in")
                    .containsExactlyElementsOf(urls);
        }
    }

    private static boolean arrived(SlowUpstream upstream, int count) {
        try {
            return upstream.awaitReceived(count, ARRIVAL_BOUND);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
