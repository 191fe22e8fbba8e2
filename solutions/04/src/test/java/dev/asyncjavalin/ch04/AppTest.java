package dev.asyncjavalin.ch04;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.testing.PageChecks;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AppTest {

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.builder().latency(Duration.ZERO, Duration.ofMillis(40)).start();

    @Test
    @DisplayName("the home page links every route of the chapter")
    void homeListsRoutes() {
        PageChecks.homeLinks(App.create(upstream.urls()),
                "/async_get_urls_v1", "/async_get_urls_v2", "/strict_get_urls?set=faults", "/data_blocking", "/data", "/threads");
    }

    @Test
    @DisplayName("/async_get_urls_v2 lists every page, in the order asked, with status and time")
    void asyncPageKeepsOrder() {
        String html = PageChecks.listsEveryPageInOrder(App.create(upstream.urls()), upstream, "/async_get_urls_v2");
        assertThat(html).contains("URLs:", "Recipe 3: Ratatouille", "The handler ran on <code>request-");
    }

    @Test
    @DisplayName("/async_get_urls_v1 lists the same pages, written by the thread that ran the handler")
    void blockingPageUsesOneThread() {
        JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
            String html = client.get("/async_get_urls_v1").body().string();
            assertThat(ResultRows.in(html)).extracting(ResultRows.Row::url).containsExactlyElementsOf(upstream.recipeUrls());
            assertThat(html).containsPattern("ran on <code>(request-\\d+)</code>; this page was written on <code>\\1</code>");
        });
    }

    // tag::offTheTimer[]
    @Test
    @DisplayName("a page ended by a timeout is written on a request thread, not on the JDK's one delay-scheduler thread")
    void timedOutPageLeavesTheTimerThread() {
        // /hang never answers, so a timeout ends its row: the deadline once exercise 4.1 is solved,
        // before that the call's own 3 s timeout. Both complete the page on CompletableFutureDelayScheduler.
        UpstreamUrls hangs = UpstreamUrls.of(List.of(upstream.url("/hang")));
        JavalinTest.test(App.create(hangs), (server, client) -> {
            String html = client.get("/async_get_urls_v2?deadline_ms=100").body().string();

            assertThat(ResultRows.statuses(html)).containsExactly("timeout");
            assertThat(html).containsPattern("this page was written on <code>request-\\d+</code>")
                    .doesNotContain("CompletableFutureDelayScheduler");
        });
    }
    // end::offTheTimer[]

    @Test
    @DisplayName("a <script> in an upstream title is shown as text, never run")
    void upstreamContentIsEscaped() {
        PageChecks.escapesUpstreamTitles(App::create, upstream, "/async_get_urls_v2");
    }

    @Test
    @DisplayName("?set= accepts 'pages' or 'faults' and explains anything else with a 400")
    void badSetIsExplained() {
        PageChecks.explainsBadSet(App.create(upstream.urls()), "/async_get_urls_v2");
    }

    @Test
    @DisplayName("?deadline_ms= must be a whole number of milliseconds from 10 to 3000, or the answer is a 400 naming it")
    void badDeadlineIsExplained() {
        PageChecks.explainsBadDeadline(App.create(upstream.urls()), "/async_get_urls_v2", 10, 3_000);
    }

    // tag::errorPage[]
    @Test
    @DisplayName("a failed future reaches the exception handler: a 502 page that names the failed pages, no stack trace")
    void failedFutureGetsFriendlyPage() {
        String refused = upstream.faultUrls().get("nothing listening");
        UpstreamUrls someFail = UpstreamUrls.of(List.of(upstream.url("/recipes/1"), refused, upstream.url("/error")));
        JavalinTest.test(App.create(someFail), (server, client) -> {
            var response = client.get("/strict_get_urls");
            String html = response.body().string();

            assertThat(response.code()).isEqualTo(502);
            assertThat(html).contains("Some pages could not be loaded", "2 of 3 pages failed");
            assertThat(ResultRows.statuses(html)).containsExactly("unreachable", "500");
            assertThat(html).doesNotContain("PagesFailed", "CompletionException", "at dev.asyncjavalin", "at java.");
        });
    }
    // end::errorPage[]

    @Test
    @DisplayName("/strict_get_urls shows the page when every call succeeds")
    void strictPageWhenAllSucceed() {
        JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
            var response = client.get("/strict_get_urls");
            assertThat(response.code()).isEqualTo(200);
            assertThat(ResultRows.statuses(response.body().string())).hasSize(10).containsOnly("200");
        });
    }

    @Test
    @DisplayName("/data_blocking answers after its second, on the thread that ran the handler")
    void blockingData() {
        JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
            String body = client.get("/data_blocking").body().string();
            assertThat(body).contains("Here is your data, after 1000 ms")
                    .containsPattern("asked on thread (request-\\d+), answered on thread \\1");
        });
    }

    @Test
    @DisplayName("/data answers with what its data source loaded")
    void dataFromSource() {
        Settings instantData = Settings.defaults().withData(() -> new SlowData() {
            @Override
            public CompletableFuture<String> load() {
                return CompletableFuture.completedFuture("fresh data");
            }

            @Override
            public void close() {
            }
        });
        JavalinTest.test(App.create(upstream.urls(), instantData), (server, client) -> {
            var response = client.get("/data");
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).startsWith("fresh data\nasked on thread request-");
        });
    }

    // tag::threads[]
    @Test
    @DisplayName("/threads reports the pool: its size, Jetty's own two threads, and this request as busy")
    void threadsReportsThePool() {
        JavalinTest.test(App.create(upstream.urls(), Settings.defaults().withPoolSize(8)), (server, client) -> {
            String report = client.get("/threads").body().string();

            assertThat(report).contains("at most 8 threads");
            assertThat(number(report, "jetty")).isEqualTo(2);
            assertThat(number(report, "requests")).isEqualTo(6);
            assertThat(number(report, "busy")).isBetween(1, 6); // at least this request
        });
    }
    // end::threads[]

    private static int number(String report, String name) {
        var matcher = java.util.regex.Pattern.compile("(?m)^\\s*" + name + "\\s+(\\d+)").matcher(report);
        assertThat(matcher.find()).as("a line '%s N' in:%n%s", name, report).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
