package dev.asyncjavalin.ch06;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The route from the outside, the way Flask's test client sees an app: JavalinTest starts the app
 * on a free port, hands the test an HTTP client, and stops the app afterwards. An async route is
 * tested exactly like a blocking one: the client simply gets the answer when it is ready.
 */
class AppTest {

    private final SlowUpstream upstream = SlowUpstream.builder().latency(Duration.ZERO, Duration.ofMillis(40)).start();

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    // tag::route[]
    @Test
    @DisplayName("/async_get_urls_v2 lists every page, in the order asked, with status and time")
    void listsEveryPage() {
        JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
            var response = client.get("/async_get_urls_v2");
            String html = response.body().string();

            assertThat(response.code()).isEqualTo(200);
            assertThat(ResultRows.in(html)).extracting(ResultRows.Row::url).containsExactlyElementsOf(upstream.recipeUrls());
            assertThat(ResultRows.statuses(html)).containsOnly("200");
            assertThat(html).contains("RecipeAggregator", "deadline 2000 ms", "Recipe 3: Ratatouille");
        });
    }
    // end::route[]

    @Test
    @DisplayName("the home page links the route and every broken aggregator")
    void homeListsRoutes() {
        JavalinTest.test(App.create(upstream.urls()), (server, client) ->
                assertThat(client.get("/").body().string())
                        .contains("href=\"/async_get_urls_v2\"", "aggregator=SequentialFanOut", "aggregator=NoDeadline", "aggregator=LostError"));
    }

    @Test
    @DisplayName("a bad ?deadline_ms=, ?aggregator= or ?set= is a 400 that says what is allowed")
    void badQueryParametersAreExplained() {
        JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
            var tooShort = client.get("/async_get_urls_v2?deadline_ms=5");
            assertThat(tooShort.code()).isEqualTo(400);
            assertThat(tooShort.body().string()).contains("Query parameter 'deadline_ms' must be from 10 to 10000 (ms), got '5'");

            var notANumber = client.get("/async_get_urls_v2?deadline_ms=soon");
            assertThat(notANumber.code()).isEqualTo(400);
            assertThat(notANumber.body().string()).contains("'deadline_ms' must be a whole number, got 'soon'");

            var unknown = client.get("/async_get_urls_v2?aggregator=Fastest");
            assertThat(unknown.code()).isEqualTo(400);
            assertThat(unknown.body().string()).contains("'aggregator' must be one of RecipeAggregator, SequentialFanOut, NoDeadline, LostError");

            assertThat(client.get("/async_get_urls_v2?set=everything").code()).isEqualTo(400);
        });
    }

    @Test
    @DisplayName("a <script> in an upstream title is shown as text, never run")
    void upstreamContentIsEscaped() {
        JavalinTest.test(App.create(UpstreamUrls.of(List.of(upstream.url("/script")))), (server, client) -> {
            String html = client.get("/async_get_urls_v2").body().string();
            assertThat(html).contains("&lt;script&gt;alert(").doesNotContain("<script>");
        });
    }
}
