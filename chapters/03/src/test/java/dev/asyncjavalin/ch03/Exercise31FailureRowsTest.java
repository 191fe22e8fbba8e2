package dev.asyncjavalin.ch03;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.pages.PageResult;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("3.1 fetchAll turns each failure into a row")
class Exercise31FailureRowsTest {

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ofMillis(20)).start();

    @Test
    @DisplayName("every fault page is a row with its own status, and the page is still 200")
    void faultsBecomeRows() {
        // the page that never answers would cost the app's 3 s call timeout here; hangBecomesTimeout covers it
        Map<String, String> faults = new LinkedHashMap<>(upstream.faultUrls());
        faults.remove("never answers");
        UpstreamUrls urls = new UpstreamUrls(upstream.recipeUrls(), faults, "faults without the hanging page");
        JavalinTest.test(App.create(urls), (server, client) -> {
            var response = client.get("/async_get_urls_v1?set=faults");
            String html = response.body().string();
            assertThat(response.code())
                    .as("Exercise 3.1: ?set=faults must answer 200, a row per fault, never an error page (it answered: %s)",
                            oneLine(html))
                    .isEqualTo(200);
            // faults in SlowUpstream's order: 500, dropped, huge, script, nothing listening
            assertThat(ResultRows.statuses(html))
                    .as("Exercise 3.1: the status column of the faults; each kind of failure has its own label (Outcome.of(e) names it)")
                    .containsExactly("500", "connection lost", "too large", "200", "unreachable");
        });
    }

    /**
     * Runs before every test: an answer whose onFailure completes nothing (it throws, or forgets)
     * would make every fetchAll below wait forever, so the check says so at once instead of hanging.
     */
    @BeforeEach
    void onFailureCompletesTheFuture() throws InterruptedException {
        assertThat(refusedCall().isDone())
                .as("Exercise 3.1: onFailure returned without completing the future (it threw, or completed nothing):"
                        + " allOf(...).join() would wait forever")
                .isTrue();
    }

    /** One call to a port where nothing listens, started by PageCalls; returned once its callback has run. */
    private CompletableFuture<PageResult> refusedCall() throws InterruptedException {
        // a Dispatcher on an executor of our own: once it has run every task, each callback has returned
        ExecutorService callbacks = Executors.newCachedThreadPool();
        OkHttpClient client = UpstreamClient.create().newBuilder().dispatcher(new Dispatcher(callbacks)).build();
        CompletableFuture<PageResult> page = new PageCalls(client).start(upstream.faultUrls().get("nothing listening"), Duration.ofSeconds(5));
        callbacks.shutdown();
        // a refused connection on loopback fails at once; the bound only keeps a broken answer from hanging the check
        assertThat(callbacks.awaitTermination(10, TimeUnit.SECONDS)).as("Exercise 3.1: the refused call's callback did not finish").isTrue();
        client.connectionPool().evictAll();
        return page;
    }

    @Test
    @DisplayName("onFailure completes the page's future normally, with an 'unreachable' row")
    void failureCompletesTheFutureNormally() throws InterruptedException {
        CompletableFuture<PageResult> page = refusedCall();
        assertThat(page.isCompletedExceptionally())
                .as("Exercise 3.1: onFailure completed the future exceptionally, so allOf(...).join() throws and the whole page fails;"
                        + " complete it with a PageResult.failed(...) row")
                .isFalse();
        assertThat(page.join().status()).as("Exercise 3.1: a refused connection is an 'unreachable' row").isEqualTo("unreachable");
    }

    @Test
    @DisplayName("one unreachable page does not cost the others their rows")
    void goodRowsSurvive() {
        OkHttpClient client = UpstreamClient.create();
        try {
            String refused = upstream.faultUrls().get("nothing listening");
            List<String> urls = List.of(upstream.url("/recipes/1"), refused, upstream.url("/recipes/2"));
            List<PageResult> results = new ConcurrentFetcher(new PageCalls(client)).fetchAll(urls, Duration.ofSeconds(5));
            assertThat(results).as("Exercise 3.1: rows for [ok, refused, ok]")
                    .extracting(PageResult::status).containsExactly("200", "unreachable", "200");
            String detail = results.get(1).detail();
            assertThat(detail).as("Exercise 3.1: the failed row says what happened").isNotBlank();
            assertThat(detail)
                    .as("Exercise 3.1: the failed row's detail names a Java exception (%s): the page is for a person, so say what"
                            + " happened in words (Outcome.detail(e)); e.toString() puts the class name first, and that belongs"
                            + " in the server log", detail)
                    .doesNotContainPattern(EXCEPTION_NAME);
        } finally {
            UpstreamClient.shutdown(client);
        }
    }

    /** {@code java.net.ConnectException}, {@code SocketTimeoutException}: a Throwable's class name, qualified or not. */
    private static final String EXCEPTION_NAME = "\\b[A-Z][A-Za-z0-9]*(Exception|Error)\\b";

    @Test
    @DisplayName("a page that never answers is a timeout row after the call's deadline")
    void hangBecomesTimeout() {
        OkHttpClient client = UpstreamClient.create();
        try {
            Duration timeout = Duration.ofMillis(300);
            List<PageResult> results = new ConcurrentFetcher(new PageCalls(client))
                    .fetchAll(List.of(upstream.url("/hang"), upstream.url("/recipes/1")), timeout);
            assertThat(results).as("Exercise 3.1: rows for [hang, ok]").extracting(PageResult::status).containsExactly("timeout", "200");
            // the call cannot time out before its deadline, so this bound holds on any machine
            assertThat(results.get(0).elapsed())
                    .as("Exercise 3.1: the timeout row's time column says %s ms, but the call waited its whole 300 ms deadline:"
                            + " measure it with PageReader.since(started)", results.get(0).millis())
                    .isGreaterThanOrEqualTo(timeout);
        } finally {
            UpstreamClient.shutdown(client);
        }
    }

    @Test
    @DisplayName("real URLs that fail are rows too (no fault list needed)")
    void worksWithoutEmbeddedFaults() {
        String refused = upstream.faultUrls().get("nothing listening");
        UpstreamUrls urls = UpstreamUrls.of(List.of(refused, upstream.url("/recipes/1")));
        JavalinTest.test(App.create(urls), (server, client) -> {
            var response = client.get("/async_get_urls_v1");
            String html = response.body().string();
            assertThat(response.code()).as("Exercise 3.1: an unreachable page is a row, not an error page (the app answered: %s)", oneLine(html))
                    .isEqualTo(200);
            assertThat(ResultRows.statuses(html)).as("Exercise 3.1: rows for [refused, ok]").containsExactly("unreachable", "200");
        });
    }

    /** What the app answered, quoted in a failure message: one line; a long page is shortened, visibly. */
    private static String oneLine(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= 140 ? line : line.substring(0, 140) + " […]";
    }
}
