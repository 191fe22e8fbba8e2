package dev.asyncjavalin.ch06;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.testing.PageChecks;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The route from the outside, the way Flask's test client sees an app: JavalinTest starts the app
 * on a free port, hands the test an HTTP client, and stops the app afterwards. An async route is
 * tested exactly like a blocking one: the client simply gets the answer when it is ready.
 */
class AppTest {

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.builder().latency(Duration.ZERO, Duration.ofMillis(40)).start();

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
        PageChecks.explainsBadDeadline(App.create(upstream.urls()), "/async_get_urls_v2", 10, 10_000);
        PageChecks.explainsBadSet(App.create(upstream.urls()), "/async_get_urls_v2");
        JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
            var unknown = client.get("/async_get_urls_v2?aggregator=Fastest");
            assertThat(unknown.code()).isEqualTo(400);
            assertThat(unknown.body().string()).contains("'aggregator' must be one of RecipeAggregator, SequentialFanOut, NoDeadline, LostError");
        });
    }

    @Test
    @DisplayName("a <script> in an upstream title is shown as text, never run")
    void upstreamContentIsEscaped() {
        PageChecks.escapesUpstreamTitles(App::create, upstream, "/async_get_urls_v2");
    }
}
