package dev.asyncjavalin.ch09;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.testing.PageChecks;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppTest {

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.builder().latency(Duration.ZERO, Duration.ofMillis(40)).start();

    @TempDir
    Path benchmarkFiles;

    private Settings settings() {
        return Settings.defaults().withBenchmarkFiles(benchmarkFiles);
    }

    @Test
    @DisplayName("the home page links every model's route and the report")
    void homeListsRoutes() {
        PageChecks.homeLinks(App.create(upstream.urls(), settings()),
                "/sync_get_urls", "/async_get_urls_v1", "/async_get_urls_v2", "/vthread_get_urls", "/event_loop_get_urls", "/report");
    }

    @Test
    @DisplayName("the sync, concurrent, async and event-loop routes list the same rows, in page order")
    void routesGiveTheSameRows() {
        JavalinTest.test(App.create(upstream.urls(), settings()), (server, client) -> {
            for (Model model : new Model[] {Model.SYNC, Model.CONCURRENT, Model.ASYNC, Model.EVENT_LOOP}) {
                var response = client.get(model.route());
                String html = response.body().string();
                assertThat(response.code()).as(model.route()).isEqualTo(200);
                assertThat(ResultRows.in(html)).as(model.route()).extracting(ResultRows.Row::url).containsExactlyElementsOf(upstream.recipeUrls());
                assertThat(ResultRows.statuses(html)).as(model.route()).containsOnly("200");
                assertThat(html).contains(model.label(), "chapter " + model.chapter(), "Total: <strong>");
            }
        });
    }

    @Test
    @DisplayName("/vthread_get_urls lists the rows on JDK 21+, and answers 501 saying why on older JDKs")
    void virtualThreadRoute() {
        JavalinTest.test(App.create(upstream.urls(), settings()), (server, client) -> {
            var response = client.get("/vthread_get_urls");
            String body = response.body().string();
            if (VirtualThreads.available()) {
                assertThat(response.code()).isEqualTo(200);
                assertThat(ResultRows.in(body)).extracting(ResultRows.Row::url).containsExactlyElementsOf(upstream.recipeUrls());
            } else {
                assertThat(response.code()).isEqualTo(501);
                assertThat(body).contains("virtual threads need JDK 21 or newer", "JAVA_HOME");
            }
        });
    }

    // tag::reportTests[]
    @Test
    @DisplayName("/report before any benchmark run says so, and gives the command that makes one")
    void noReportYet() {
        JavalinTest.test(App.create(upstream.urls(), settings()), (server, client) -> {
            var response = client.get("/report");
            assertThat(response.code()).isEqualTo(200);
            String body = response.body().string();
            assertThat(body).contains("No benchmark report yet", "mvn -pl chapters/09 exec:java@benchmark", "benchmark");
            assertThat(body).as("no absolute path of the server's files").doesNotContain(benchmarkFiles.toAbsolutePath().toString());
        });
    }

    @Test
    @DisplayName("/report serves the latest report the benchmark wrote")
    void latestReport() throws IOException {
        Files.writeString(benchmarkFiles.resolve(App.REPORT_FILE), ReportPage.render(WritersTest.fixedResults("written by a test")));
        JavalinTest.test(App.create(upstream.urls(), settings()), (server, client) -> {
            var response = client.get("/report");
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.headers().get("Content-Type").get(0)).startsWith("text/html");
            assertThat(response.body().string()).contains("Benchmark report", "written by a test", "<svg ");
        });
    }
    // end::reportTests[]

    @Test
    @DisplayName("?set= accepts 'pages' or 'faults' and explains anything else with a 400")
    void badSetIsExplained() {
        PageChecks.explainsBadSet(App.create(upstream.urls(), settings()), "/async_get_urls_v2");
    }

    @Test
    @DisplayName("an unknown path is a 404 page that lists the routes")
    void notFound() {
        JavalinTest.test(App.create(upstream.urls(), settings()), (server, client) -> {
            var response = client.get("/nope");
            assertThat(response.code()).isEqualTo(404);
            assertThat(response.body().string()).contains("/nope", "/report");
        });
    }
}
