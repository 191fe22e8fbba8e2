package dev.asyncjavalin.ch02;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FetcherTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ofMillis(10)).start();
    private final OkHttpClient client = UpstreamClient.create();
    private final PageFetcher pages = new PageFetcher(client);

    @AfterEach
    void stop() {
        UpstreamClient.shutDown(client);
        upstream.close();
    }

    @Test
    @DisplayName("fetch reads one page: status 200, its title, and how long it took")
    void fetchesOnePage() {
        PageResult result = pages.fetch(upstream.url("/recipes/8"), TIMEOUT);
        assertThat(result.outcome()).isEqualTo(Outcome.OK);
        assertThat(result.status()).isEqualTo("200");
        assertThat(result.title()).isEqualTo("Recipe 8: Pho");
        assertThat(result.elapsed()).isPositive();
    }

    @Test
    @DisplayName("fetch turns an upstream 500 into an HTTP error row, not an exception")
    void httpErrorIsAResult() {
        PageResult result = pages.fetch(upstream.url("/error"), TIMEOUT);
        assertThat(result.outcome()).isEqualTo(Outcome.HTTP_ERROR);
        assertThat(result.status()).isEqualTo("500");
    }

    @Test
    @DisplayName("fetchAll keeps the order given and never has two calls in flight at once")
    void sequentialMeansOneAtATime() {
        List<String> urls = List.of(upstream.url("/recipes/4"), upstream.url("/recipes/1"), upstream.url("/recipes/3"));
        List<PageResult> results = new SequentialFetcher(pages).fetchAll(urls, TIMEOUT);
        assertThat(results).extracting(PageResult::url).containsExactlyElementsOf(urls);
        assertThat(results).extracting(PageResult::status).containsOnly("200");
        assertThat(upstream.maxInFlight()).as("most requests the upstream held at once").isEqualTo(1);
    }
}
