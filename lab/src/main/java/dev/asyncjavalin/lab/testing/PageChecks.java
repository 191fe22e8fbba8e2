package dev.asyncjavalin.lab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * What every chapter's page of rows promises, whichever way the chapter builds its rows. Each
 * chapter's AppTest names the promise and its own route in one line; what the chapter adds to
 * the page is tested there, beside it.
 */
public final class PageChecks {

    private PageChecks() {
    }

    /** JavalinTest.test, and the app stopped even when the test fails (JavalinTest leaves a failed test's app running). */
    private static void served(Javalin app, TestCase test) {
        try {
            JavalinTest.test(app, test);
        } finally {
            app.stop();
        }
    }

    /** The home page answers 200 and links each of {@code paths}, as {@code href="path"}. */
    public static void homeLinks(Javalin app, String... paths) {
        served(app, (server, client) -> {
            var response = client.get("/");
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains(Arrays.stream(paths).map(path -> "href=\"" + path + "\"").toList());
        });
    }

    /**
     * {@code path} answers 200 with one row per recipe page of {@code upstream}, in the order
     * asked, each with status 200. Returns the page, for what the chapter adds to it.
     */
    public static String listsEveryPageInOrder(Javalin app, SlowUpstream upstream, String path) {
        AtomicReference<String> page = new AtomicReference<>();
        served(app, (server, client) -> {
            var response = client.get(path);
            String html = response.body().string();
            assertThat(response.code()).as("GET " + path).isEqualTo(200);
            assertThat(ResultRows.in(html)).extracting(ResultRows.Row::url).containsExactlyElementsOf(upstream.recipeUrls());
            assertThat(ResultRows.statuses(html)).containsOnly("200");
            page.set(html);
        });
        return page.get();
    }

    /** A {@code <script>} in an upstream page's title is text on {@code path}'s page, never markup. */
    public static void escapesUpstreamTitles(Function<UpstreamUrls, Javalin> app, SlowUpstream upstream, String path) {
        served(app.apply(UpstreamUrls.of(List.of(upstream.url("/script")))), (server, client) -> {
            String html = client.get(path).body().string();
            assertThat(html).contains("&lt;script&gt;alert(").doesNotContain("<script>");
        });
    }

    /** {@code ?set=} other than 'pages' or 'faults' is a 400 that names the parameter, what it takes and what it got. */
    public static void explainsBadSet(Javalin app, String path) {
        served(app, (server, client) -> {
            var response = client.get(path + "?set=everything");
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("'set' must be 'pages' or 'faults', got 'everything'");
        });
    }

    /**
     * {@code ?deadline_ms=} that is not a whole number, or is outside {@code min} to {@code max}
     * (both allowed), is a 400 that names the parameter and says why, before any call starts.
     */
    public static void explainsBadDeadline(Javalin app, String path, int min, int max) {
        served(app, (server, client) -> {
            var notANumber = client.get(path + "?deadline_ms=soon");
            assertThat(notANumber.code()).isEqualTo(400);
            assertThat(notANumber.body().string()).contains("Query parameter 'deadline_ms' must be a whole number, got 'soon'");

            var tooShort = client.get(path + "?deadline_ms=" + (min - 1));
            assertThat(tooShort.code()).isEqualTo(400);
            assertThat(tooShort.body().string())
                    .contains("Query parameter 'deadline_ms' must be from " + min + " to " + max + " (ms), got '" + (min - 1) + "'");

            assertThat(client.get(path + "?deadline_ms=" + (max + 1)).code()).as("deadline_ms=" + (max + 1)).isEqualTo(400);
        });
    }
}
