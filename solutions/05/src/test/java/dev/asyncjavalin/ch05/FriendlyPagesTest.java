package dev.asyncjavalin.ch05;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.AlertSink;
import dev.asyncjavalin.lab.SlowUpstream;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Whatever goes wrong, the visitor gets a page written for people: no stack trace, no exception names. */
class FriendlyPagesTest {

    private static final String KEY = "api_key=" + Users.ALICE_KEY;

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.start();
    @AutoClose
    private final AlertSink alerts = AlertSink.start();

    // tag::friendly[]
    private static String friendlyPage(Response response, int status) {
        String html = response.body().string();
        assertThat(response.code()).isEqualTo(status);
        assertThat(response.headers().get("Content-Type")).singleElement().asString().startsWith("text/html");
        assertThat(html).contains("<title>").doesNotContain("Exception", "at dev.", "\tat ", "at io.javalin");
        return html;
    }
    // end::friendly[]

    @Test
    @DisplayName("401: who are you, and what to send")
    void unauthorized() {
        JavalinTest.test(App.create(upstream.urls(), App.Options.defaults(alerts.webhookUrl())), (server, client) -> {
            assertThat(friendlyPage(client.get("/async_get_urls"), 401)).contains("Who are you?", "request id");
        });
    }

    @Test
    @DisplayName("404: nothing here, and the routes that exist")
    void notFound() {
        JavalinTest.test(App.create(upstream.urls(), App.Options.defaults(alerts.webhookUrl())), (server, client) -> {
            assertThat(friendlyPage(client.get("/recipes-of-grandma"), 404)).contains("Nothing at", "/async_get_urls");
        });
    }

    @Test
    @DisplayName("500: our fault, the team knows, quote this id")
    void serverError() {
        JavalinTest.test(App.create(upstream.urls(), App.Options.defaults(alerts.webhookUrl())), (server, client) -> {
            assertThat(friendlyPage(client.get("/boom?" + KEY), 500))
                    .contains("Something broke on our side", "request id").doesNotContain("recipe counter went negative");
        });
    }

    @Test
    @DisplayName("502: the recipe site failed (HTTP 500 upstream, or nobody listening), and what it said")
    void upstreamFailure() {
        JavalinTest.test(App.create(upstream.urls(), App.Options.defaults(alerts.webhookUrl())), (server, client) -> {
            // fault pages in SlowUpstream's order: 1 = HTTP 500, 6 = nothing listening
            assertThat(friendlyPage(client.get("/recipe/1?set=faults&" + KEY), 502)).contains("let us down", "got: 500.");
            assertThat(friendlyPage(client.get("/recipe/6?set=faults&" + KEY), 502)).contains("got: unreachable.");
        });
    }
}
