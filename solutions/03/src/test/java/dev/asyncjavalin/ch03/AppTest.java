package dev.asyncjavalin.ch03;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.testing.PageChecks;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AppTest {

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.builder().latency(Duration.ZERO, Duration.ofMillis(40)).start();

    @Test
    @DisplayName("the home page links every route of the chapter")
    void homeListsRoutes() {
        PageChecks.homeLinks(App.create(upstream.urls()), "/sync_get_urls", "/async_get_urls_v1", "/compare");
    }

    @Test
    @DisplayName("/async_get_urls_v1 lists every page, in the order asked, with status and time")
    void concurrentPageKeepsOrder() {
        String html = PageChecks.listsEveryPageInOrder(App.create(upstream.urls()), upstream, "/async_get_urls_v1");
        assertThat(html).contains("URLs:", "Recipe 3: Ratatouille", "Total: <strong>");
    }

    @Test
    @DisplayName("a page that redirects to another host is a 'redirected' row, and nothing is fetched there")
    void redirectsAreNotFollowed() {
        try (SlowUpstream elsewhere = SlowUpstream.start()) {
            // the same machine by another name: a host the app was not given
            String offHost = elsewhere.url("/recipes/1").replace("127.0.0.1", "localhost");
            List<String> urls = List.of(upstream.url("/redirect?to=" + offHost), upstream.url("/recipes/2"));
            JavalinTest.test(App.create(UpstreamUrls.of(urls)), (server, client) -> {
                String html = client.get("/async_get_urls_v1").body().string();
                assertThat(ResultRows.statuses(html)).containsExactly("redirected", "200");
                assertThat(html).contains("redirected to localhost, not followed");
            });
            assertThat(elsewhere.received()).as("requests that reached the other host").isZero();
        }
    }

    @Test
    @DisplayName("/sync_get_urls lists the same pages one after another")
    void sequentialPage() {
        JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
            String html = client.get("/sync_get_urls").body().string();
            assertThat(ResultRows.in(html)).extracting(ResultRows.Row::url).containsExactlyElementsOf(upstream.recipeUrls());
        });
    }

    @Test
    @DisplayName("/compare shows both ways side by side")
    void compareShowsBoth() {
        JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
            String html = client.get("/compare").body().string();
            assertThat(ResultRows.statuses(html)).hasSize(20).containsOnly("200");
            assertThat(html).contains("one after another", "all at once", "speed-up");
        });
    }

    @Test
    @DisplayName("a <script> in an upstream title is shown as text, never run")
    void upstreamContentIsEscaped() {
        PageChecks.escapesUpstreamTitles(App::create, upstream, "/async_get_urls_v1");
    }

    @Test
    @DisplayName("?set= accepts 'pages' or 'faults' and explains anything else with a 400")
    void badSetIsExplained() {
        PageChecks.explainsBadSet(App.create(upstream.urls()), "/async_get_urls_v1");
        JavalinTest.test(App.create(UpstreamUrls.of(Collections.nCopies(1, upstream.url("/recipes/1")))), (server, client) ->
                assertThat(client.get("/sync_get_urls?set=faults").code()).isEqualTo(400));
    }
}
