package dev.asyncjavalin.ch02;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.testing.PageChecks;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AppTest {

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ofMillis(10)).start();

    /** An app whose page list is exactly {@code paths} on the test's upstream. */
    private UpstreamUrls pages(String... paths) {
        return new UpstreamUrls(List.of(paths).stream().map(upstream::url).toList(), Map.of(), "test pages");
    }

    @Test
    @DisplayName("the home page links every route of the chapter")
    void homeListsRoutes() {
        JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
            var response = client.get("/");
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains("href=\"/sync_get_urls\"", "/sync_get_urls?set=faults");
        });
    }

    @Test
    @DisplayName("a page that redirects to another host is a 'redirected' row, and nothing is fetched there")
    void redirectsAreNotFollowed() {
        try (SlowUpstream elsewhere = SlowUpstream.start()) {
            // the same machine by another name: a host the app was not given
            String offHost = elsewhere.url("/recipes/1").replace("127.0.0.1", "localhost");
            JavalinTest.test(App.create(pages("/redirect?to=" + offHost, "/recipes/2")), (server, client) -> {
                String page = client.get("/sync_get_urls").body().string();
                assertThat(ResultRows.statuses(page)).containsExactly("redirected", "200");
                assertThat(page).contains("redirected to localhost, not followed");
            });
            assertThat(elsewhere.received()).as("requests that reached the other host").isZero();
        }
    }

    @Test
    @DisplayName("/sync_get_urls lists all 10 pages in order, each 200 with its title, and the totals")
    void listsEveryPageInOrder() {
        String page = PageChecks.listsEveryPageInOrder(App.create(upstream.urls()), upstream, "/sync_get_urls");
        assertThat(page).contains("<h1>URLs:</h1>", "<td>Recipe 3: Ratatouille</td>", "wall time: ", "sum of per-call times: ");
    }

    @Test
    @DisplayName("without ?timeout= every call gets the default 2000 ms")
    void defaultTimeout() {
        JavalinTest.test(App.create(pages("/recipes/1")), (server, client) ->
                assertThat(client.get("/sync_get_urls").body().string()).contains("per-call timeout: 2000 ms"));
    }

    @Test
    @DisplayName("a <script> in an upstream title is shown as text, never run")
    void escapesUpstreamTitles() {
        JavalinTest.test(App.create(pages("/script")), (server, client) -> {
            String page = client.get("/sync_get_urls").body().string();
            assertThat(ResultRows.statuses(page)).containsExactly("200");
            assertThat(page).contains("&lt;script&gt;alert(").doesNotContain("<script>");
        });
    }

    @Test
    @DisplayName("an upstream HTTP 500 is a row with status 500; the page itself is still 200")
    void upstreamErrorIsARow() {
        JavalinTest.test(App.create(pages("/recipes/1", "/error", "/recipes/2")), (server, client) -> {
            var response = client.get("/sync_get_urls");
            String page = response.body().string();
            assertThat(response.code()).isEqualTo(200);
            assertThat(ResultRows.statuses(page)).containsExactly("200", "500", "200");
            assertThat(page).contains("upstream answered HTTP 500");
        });
    }

    @Test
    @DisplayName("a body over 1 MiB is not read into memory: its row says too large")
    void hugeBodyIsTooLarge() {
        JavalinTest.test(App.create(pages("/huge?mb=2")), (server, client) -> {
            var response = client.get("/sync_get_urls");
            String page = response.body().string();
            assertThat(response.code()).isEqualTo(200);
            assertThat(ResultRows.statuses(page)).containsExactly("too large");
            assertThat(page).contains("body larger than 1024 KiB, not read");
        });
    }

    @Test
    @DisplayName("?set=bogus is a 400 that names the parameter and the choices")
    void rejectsUnknownSet() {
        JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
            var response = client.get("/sync_get_urls?set=bogus");
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("Query parameter 'set' must be 'pages' or 'faults', got 'bogus'");
        });
    }

    @Test
    @DisplayName("?set=faults with real URLs (no faults to fetch) is a 400 that says why")
    void noFaultsWithRealUrls() {
        JavalinTest.test(App.create(UpstreamUrls.of(upstream.recipeUrls())), (server, client) -> {
            var response = client.get("/sync_get_urls?set=faults");
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("'set'", "UPSTREAM_URLS");
        });
    }

    @Test
    @DisplayName("an unknown path gets a friendly 404 page listing the routes, not a stack trace")
    void friendlyNotFound() {
        JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
            var response = client.get("/nope");
            assertThat(response.code()).isEqualTo(404);
            assertThat(response.body().string()).contains("Nothing at <code>/nope</code>", "href=\"/sync_get_urls\"")
                    .doesNotContain("Exception", "at io.javalin");
        });
    }
}
