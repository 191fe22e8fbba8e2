package dev.asyncjavalin.ch03;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.pages.PageResult;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("3.1 fetchAll turns each failure into a row")
class Exercise31FailureRowsTest {

    private final SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ofMillis(20)).start();

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    @Test
    @DisplayName("every fault page is a row with its own status, and the page is still 200")
    void faultsBecomeRows() {
        JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
            var response = client.get("/async_get_urls_v1?set=faults");
            String html = response.body().string();
            assertThat(response.code()).as("Exercise 3.1: status of /async_get_urls_v1?set=faults").isEqualTo(200);
            // faults in SlowUpstream's order: 500, dropped, hang, huge, script, nothing listening
            assertThat(ResultRows.statuses(html)).as("Exercise 3.1: the status column")
                    .containsExactly("500", "connection lost", "timeout", "too large", "200", "unreachable");
        });
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
            assertThat(results.get(1).detail()).as("Exercise 3.1: the failed row says what happened").isNotBlank();
        } finally {
            UpstreamClient.shutdown(client);
        }
    }

    @Test
    @DisplayName("a page that never answers is a timeout row after the call's deadline")
    void hangBecomesTimeout() {
        OkHttpClient client = UpstreamClient.create();
        try {
            List<PageResult> results = new ConcurrentFetcher(new PageCalls(client))
                    .fetchAll(List.of(upstream.url("/hang"), upstream.url("/recipes/1")), Duration.ofMillis(300));
            assertThat(results).as("Exercise 3.1: rows for [hang, ok]").extracting(PageResult::status).containsExactly("timeout", "200");
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
            assertThat(response.code()).as("Exercise 3.1: an unreachable page is a row, not an error page").isEqualTo(200);
            assertThat(ResultRows.statuses(response.body().string())).containsExactly("unreachable", "200");
        });
    }
}
