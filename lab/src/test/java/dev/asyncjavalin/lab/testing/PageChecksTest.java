package dev.asyncjavalin.lab.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asyncjavalin.lab.Lab;
import dev.asyncjavalin.lab.SlowUpstream;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.validation.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each of the shared page checks fails on an app that breaks its promise: none of them can pass on anything. */
class PageChecksTest {

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.start();

    /** An app on the lab whose only page is {@code handler}, at {@code /page}. */
    private static Javalin appWith(Handler handler) {
        return Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.lab.templates");
            config.routes.get("/", ctx -> ctx.html("<a href=\"/page\">page</a>"));
            config.routes.get("/page", handler);
            config.routes.exception(ValidationException.class, Lab::badQueryParameter); // as every chapter's app
        });
    }

    private static String rows(List<String> urls) {
        StringBuilder html = new StringBuilder("<table>");
        urls.forEach(url -> html.append("<tr class=\"result\" data-url=\"").append(url).append("\" data-status=\"200\">"));
        return html.append("</table>").toString();
    }

    @Test
    @DisplayName("rows in another order than asked fail listsEveryPageInOrder")
    void rowsOutOfOrder() {
        List<String> reversed = new ArrayList<>(upstream.recipeUrls());
        Collections.reverse(reversed);
        assertThatThrownBy(() -> PageChecks.listsEveryPageInOrder(appWith(ctx -> ctx.html(rows(reversed))), upstream, "/page"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("exactly");
    }

    @Test
    @DisplayName("a title written into the page as markup fails escapesUpstreamTitles")
    void titleAsMarkup() {
        assertThatThrownBy(() -> PageChecks.escapesUpstreamTitles(urls -> appWith(ctx -> ctx.html("<td><script>alert(1)</script></td>")),
                upstream, "/page")).isInstanceOf(AssertionError.class).hasMessageContaining("&lt;script&gt;alert(");
    }

    @Test
    @DisplayName("a page that ignores ?set= fails explainsBadSet")
    void setIgnored() {
        assertThatThrownBy(() -> PageChecks.explainsBadSet(appWith(ctx -> ctx.html(rows(upstream.recipeUrls()))), "/page"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("400");
    }

    @Test
    @DisplayName("a deadline one above the largest allowed, let in, fails explainsBadDeadline")
    void deadlineOffByOne() {
        // the range check a learner gets wrong by one: its messages are right, and 3001 gets in
        Handler upToMaxPlusOne = ctx -> {
            long deadline = "3001".equals(ctx.queryParam("deadline_ms")) ? 3_001
                    : Lab.milliseconds(ctx, "deadline_ms", 100, 10, 3_000).toMillis();
            ctx.result("deadline " + deadline + " ms");
        };
        assertThatThrownBy(() -> PageChecks.explainsBadDeadline(appWith(upToMaxPlusOne), "/page", 10, 3_000))
                .isInstanceOf(AssertionError.class).hasMessageContaining("deadline_ms=3001");
    }

    @Test
    @DisplayName("a home page without one of the links fails homeLinks")
    void linkMissing() {
        assertThatThrownBy(() -> PageChecks.homeLinks(appWith(ctx -> ctx.result("page")), "/page", "/other"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("href=\"/other\"");
    }
}
