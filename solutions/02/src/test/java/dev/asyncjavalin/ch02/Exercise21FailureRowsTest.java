package dev.asyncjavalin.ch02;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageResult;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("2.1 failures become rows, and the page is still 200")
class Exercise21FailureRowsTest {

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ofMillis(10)).start();

    private UpstreamUrls pages(String... urls) {
        return new UpstreamUrls(List.of(urls), Map.of(), "test pages");
    }

    /** The page's HTML, after checking it is a 200; otherwise the failure quotes what the app answered. */
    private static String okPage(Response response, String what) {
        String body = response.body().string();
        assertThat(response.code()).as("Exercise 2.1: %s must answer 200, a row per URL, never an error page (it answered: %s)",
                what, oneLine(body)).isEqualTo(200);
        return body;
    }

    private String nothingListening() {
        return upstream.faultUrls().get("nothing listening");
    }

    @Test
    @DisplayName("a port where nothing listens is an 'unreachable' row")
    void refusedIsUnreachable() {
        JavalinTest.test(App.create(pages(nothingListening())), (server, client) -> {
            String page = okPage(client.get("/sync_get_urls"), "/sync_get_urls with an unreachable host");
            assertThat(ResultRows.statuses(page)).as("Exercise 2.1: a refused connection (ConnectException: nothing listens) is an 'unreachable' row")
                    .containsExactly("unreachable");
        });
    }

    @Test
    @DisplayName("a connection dropped without an answer is a 'connection lost' row")
    void resetIsConnectionLost() {
        JavalinTest.test(App.create(pages(upstream.url("/reset"))), (server, client) -> {
            String page = okPage(client.get("/sync_get_urls"), "/sync_get_urls with a dropped connection");
            assertThat(ResultRows.statuses(page)).as("Exercise 2.1: a connection dropped mid-conversation (any other IOException) is a 'connection lost' row")
                    .containsExactly("connection lost");
        });
    }

    @Test
    @DisplayName("a page that never answers is a 'timeout' row once the per-call timeout passes, and its time is that wait")
    void hangIsTimeout() {
        Duration timeout = Duration.ofMillis(200);
        OkHttpClient client = UpstreamClient.create();
        try {
            PageResult result = new PageFetcher(client).fetch(upstream.url("/hang"), timeout);
            assertThat(result.outcome())
                    .as("Exercise 2.1: /hang with a 200 ms call timeout must be a 'timeout' row; OkHttp's call timeout throws"
                            + " an InterruptedIOException, of which SocketTimeoutException is only the read-timeout kind")
                    .isEqualTo(Outcome.TIMEOUT);
            assertThat(result.detail()).as("Exercise 2.1: the timeout row's detail column must say what happened").isNotBlank();
            // the call cannot fail before its timeout has passed, so this bound holds on any machine
            assertThat(result.elapsed())
                    .as("Exercise 2.1: the timeout row's time column says %s ms, but the call waited its whole 200 ms timeout:"
                            + " measure it with PageReader.since(start)", result.millis())
                    .isGreaterThanOrEqualTo(timeout);
        } finally {
            UpstreamClient.shutDown(client);
        }
    }

    @Test
    @DisplayName("a host that does not exist is an 'unreachable' row")
    void unknownHostIsUnreachable() {
        // a resolver that knows no host: the same UnknownHostException as a typo in a URL, without any network
        OkHttpClient client = UpstreamClient.create().newBuilder()
                .dns(host -> {
                    throw new UnknownHostException("no such host: " + host);
                })
                .build();
        try {
            PageResult result = new PageFetcher(client).fetch("http://recipes.invalid/1", Duration.ofSeconds(5));
            assertThat(result.status())
                    .as("Exercise 2.1: an unknown host (UnknownHostException) is an 'unreachable' row: no connection was ever made")
                    .isEqualTo("unreachable");
        } finally {
            UpstreamClient.shutDown(client);
        }
    }

    @Test
    @DisplayName("in a mixed list every URL keeps its row, in order, the good pages are still 200, and no connection is left in use")
    void mixedListKeepsOrder() {
        List<String> urls = List.of(upstream.url("/recipes/1"), nothingListening(), upstream.url("/error"),
                upstream.url("/reset"), upstream.url("/huge?mb=2"), upstream.url("/recipes/2"));
        OkHttpClient okHttp = UpstreamClient.create();
        JavalinTest.test(App.create(pages(urls.toArray(String[]::new)), okHttp), (server, client) -> {
            String page = okPage(client.get("/sync_get_urls"), "/sync_get_urls with a mixed list");
            assertThat(ResultRows.in(page)).extracting(ResultRows.Row::url).as("Exercise 2.1: one row per URL, in order")
                    .containsExactlyElementsOf(urls);
            assertThat(ResultRows.statuses(page)).as("Exercise 2.1: status column of [ok, refused, HTTP 500, dropped, 2 MiB, ok]")
                    .containsExactly("200", "unreachable", "500", "connection lost", "too large", "200");
            // a response that is not closed keeps its connection: the 2 MiB page is never read to its end
            int inUse = okHttp.connectionPool().connectionCount() - okHttp.connectionPool().idleConnectionCount();
            assertThat(inUse).as("Exercise 2.1: %s connection(s) still in use after the page: a response was never closed"
                    + " (keep the try-with-resources around call.execute())", inUse).isZero();
        });
    }

    @Test
    @DisplayName("?set=faults shows one row per fault, the hanging one as 'timeout'")
    void everyFaultIsARow() {
        JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
            String page = okPage(client.get("/sync_get_urls?set=faults"), "/sync_get_urls?set=faults");
            assertThat(ResultRows.in(page)).as("Exercise 2.1: rows of /sync_get_urls?set=faults").hasSize(upstream.faultUrls().size());
            assertThat(ResultRows.statuses(page)).as("Exercise 2.1: status column of /sync_get_urls?set=faults")
                    .contains("500", "connection lost", "timeout", "too large", "unreachable");
        });
    }

    /** What the app answered, quoted in a failure message: one line; a long page is shortened, visibly. */
    private static String oneLine(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= 140 ? line : line.substring(0, 140) + " […]";
    }
}
