package dev.asyncjavalin.ch02;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageResult;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("2.1 failures become rows, and the page is still 200")
class Exercise21FailureRowsTest {

    private final SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ofMillis(10)).start();

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    private UpstreamUrls pages(String... urls) {
        return new UpstreamUrls(List.of(urls), Map.of(), "test pages");
    }

    /** The page's HTML, after checking it is a 200; otherwise the failure quotes what the app answered. */
    private static String okPage(Response response, String what) {
        String body = response.body().string();
        assertThat(response.code()).as("Exercise 2.1: status of %s (the app answered: %.200s)", what, body).isEqualTo(200);
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
            assertThat(ResultRows.statuses(page)).as("Exercise 2.1: status column for " + nothingListening()).containsExactly("unreachable");
        });
    }

    @Test
    @DisplayName("a connection dropped without an answer is a 'connection lost' row")
    void resetIsConnectionLost() {
        JavalinTest.test(App.create(pages(upstream.url("/reset"))), (server, client) -> {
            String page = okPage(client.get("/sync_get_urls"), "/sync_get_urls with a dropped connection");
            assertThat(ResultRows.statuses(page)).as("Exercise 2.1: status column for /reset").containsExactly("connection lost");
        });
    }

    @Test
    @DisplayName("a page that never answers is a 'timeout' result once the per-call timeout passes")
    void hangIsTimeout() {
        OkHttpClient client = UpstreamClient.create();
        try {
            PageResult result = new PageFetcher(client).fetch(upstream.url("/hang"), Duration.ofMillis(200));
            assertThat(result.outcome()).as("Exercise 2.1: outcome of /hang with a 200 ms timeout").isEqualTo(Outcome.TIMEOUT);
            assertThat(result.status()).as("Exercise 2.1: status column for /hang").isEqualTo("timeout");
        } finally {
            UpstreamClient.shutDown(client);
        }
    }

    @Test
    @DisplayName("in a mixed list every URL keeps its row, in order, and the good pages are still 200")
    void mixedListKeepsOrder() {
        List<String> urls = List.of(upstream.url("/recipes/1"), nothingListening(), upstream.url("/error"),
                upstream.url("/reset"), upstream.url("/recipes/2"));
        JavalinTest.test(App.create(pages(urls.toArray(String[]::new))), (server, client) -> {
            String page = okPage(client.get("/sync_get_urls"), "/sync_get_urls with a mixed list");
            assertThat(ResultRows.in(page)).extracting(ResultRows.Row::url).as("Exercise 2.1: one row per URL, in order")
                    .containsExactlyElementsOf(urls);
            assertThat(ResultRows.statuses(page)).as("Exercise 2.1: status column")
                    .containsExactly("200", "unreachable", "500", "connection lost", "200");
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
}
