package dev.asyncjavalin.ch03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.asyncjavalin.lab.DaemonThreads;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.PageResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * FirstAnswer against mirrors that answer when the test says so (/held), never (/hang) or fail at
 * once (nothing listening). OkHttp's EventListener tells the test which calls failed and which were
 * cancelled, the moment it happens: no clock decides anything.
 */
@Tag("exercise")
@DisplayName("3.5 the first good answer wins, the others are cancelled")
class Exercise35FirstAnswerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** A right answer never meets it; it only ends a wrong answer's wait. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    private final SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ofMillis(20)).start();
    /** A port where nothing listens: picked once, since each call of faultUrls() picks a new one. */
    private final String refused = upstream.faultUrls().get("nothing listening");
    private final List<String> cancelled = new CopyOnWriteArrayList<>();
    private final CountDownLatch refusedFailed = new CountDownLatch(1);
    private final OkHttpClient client = UpstreamClient.create().newBuilder().eventListener(new EventListener() {
        @Override
        public void canceled(Call call) {
            cancelled.add(call.request().url().encodedPath());
        }

        @Override
        public void callFailed(Call call, IOException e) {
            if (call.request().url().toString().equals(refused)) {
                refusedFailed.countDown();
            }
        }
    }).build();
    private final ExecutorService background = Executors.newCachedThreadPool(DaemonThreads.named("exercise-3.5"));

    @AfterEach
    void shutdown() {
        background.shutdownNow();
        client.dispatcher().cancelAll();
        UpstreamClient.shutdown(client);
        upstream.close();
    }

    private PageResult fetchFirst(List<String> mirrors) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new FirstAnswer(client).fetchFirst(mirrors, TIMEOUT),
                "Exercise 3.5: fetchFirst did not return: does it wait for a good answer that never comes?");
    }

    @Test
    @DisplayName("a mirror that fails first does not win: the first good answer does")
    void aFastFailureDoesNotWin() throws Exception {
        String held = upstream.url("/held");
        CompletableFuture<PageResult> result =
                CompletableFuture.supplyAsync(() -> new FirstAnswer(client).fetchFirst(List.of(refused, held), TIMEOUT), background);
        // the good mirror answers only after the refused one has failed and the held one is waiting
        CompletableFuture<Boolean> bothStarted = CompletableFuture.supplyAsync(() -> {
            try {
                return refusedFailed.await(BOUND.toMillis(), TimeUnit.MILLISECONDS) && upstream.awaitReceived(1, BOUND);
            } catch (InterruptedException e) {
                return false;
            }
        }, background);

        CompletableFuture.anyOf(result, bothStarted).join(); // an answer that throws, or returns the failure, ends here
        if (!result.isDone()) {
            assertThat(bothStarted.join()).as("Exercise 3.5: both mirrors must be asked at once").isTrue();
            assertThat(upstream.releaseHeld()).isEqualTo(1);
        }
        assertThat(result).succeedsWithin(TIMEOUT).satisfies(row -> assertThat(row.url())
                .as("Exercise 3.5: the refused mirror failed first and won (%s): the first *good* answer wins, a failure only"
                        + " when every mirror failed", row.status())
                .isEqualTo(held));
        assertThat(result.join().status()).isEqualTo("200");
    }

    @Test
    @DisplayName("once a good answer is in, the mirrors still working are cancelled before fetchFirst returns")
    void losersAreCancelled() {
        PageResult row = fetchFirst(List.of(upstream.url("/hang"), upstream.url("/recipes/1"), upstream.url("/hang")));

        assertThat(row.status()).as("Exercise 3.5: the one mirror that answers is the result").isEqualTo("200");
        assertThat(cancelled.stream().filter(path -> path.equals("/hang")))
                .as("Exercise 3.5: the 2 mirrors still working were not cancelled (Call.cancel) by the time fetchFirst returned:"
                        + " each still holds a connection and the mirror, for an answer nobody will read")
                .hasSize(2);
    }

    @Test
    @DisplayName("when every mirror fails, the answer is the first mirror's failure row")
    void allFailGivesTheFirstMirrorsRow() {
        PageResult row = fetchFirst(List.of(refused, upstream.faultUrls().get("HTTP 500")));

        assertThat(row.url())
                .as("Exercise 3.5: no mirror answered well, so the row is the first mirror's (by position in the list, not"
                        + " whichever failed last)")
                .isEqualTo(refused);
        assertThat(row.status()).as("Exercise 3.5: the first mirror's own failure").isEqualTo("unreachable");
    }

    @Test
    @DisplayName("no mirrors is a mistake of the caller: IllegalArgumentException")
    void noMirrors() {
        assertThatThrownBy(() -> new FirstAnswer(client).fetchFirst(List.of(), TIMEOUT))
                .as("Exercise 3.5: fetchFirst(List.of()) has nothing to ask")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
