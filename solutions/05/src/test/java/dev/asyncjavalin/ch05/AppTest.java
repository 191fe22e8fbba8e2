package dev.asyncjavalin.ch05;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.AlertSink;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AppTest {

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.builder().latency(Duration.ZERO, Duration.ofMillis(40)).start();
    @AutoClose
    private final AlertSink alerts = AlertSink.start();

    private Javalin app() {
        return App.create(upstream.urls(), App.Options.defaults(alerts.webhookUrl()));
    }

    @Test
    @DisplayName("the home page is public and lists the routes and the demo keys")
    void homeIsPublic() {
        JavalinTest.test(app(), (server, client) -> {
            var response = client.get("/");
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains("href=\"/async_get_urls\"", Users.ALICE_KEY, Users.BOB_KEY);
            assertThat(client.get("/course.css").code()).as("the stylesheet needs no key either").isEqualTo(200);
        });
    }

    @Test
    @DisplayName("/async_get_urls with a key in X-Api-Key lists every page, in order, for that user")
    void asyncPageForUser() {
        JavalinTest.test(app(), (server, client) -> {
            var response = client.get("/async_get_urls", request -> request.header(ApiKeyAuth.HEADER, Users.ALICE_KEY));
            String html = response.body().string();
            assertThat(response.code()).isEqualTo(200);
            assertThat(ResultRows.in(html)).extracting(ResultRows.Row::url).containsExactlyElementsOf(upstream.recipeUrls());
            assertThat(ResultRows.statuses(html)).containsOnly("200");
            assertThat(html).contains("For alice.");
        });
    }

    @Test
    @DisplayName("the before hook finds each user by key in the database (header or ?api_key=)")
    void userComesFromTheDatabase() {
        JavalinTest.test(app(), (server, client) -> {
            assertThat(client.get("/me", request -> request.header(ApiKeyAuth.HEADER, Users.BOB_KEY)).body().string())
                    .startsWith("Signed in as bob");
            assertThat(client.get("/me?api_key=" + Users.ALICE_KEY).body().string()).startsWith("Signed in as alice");
        });
    }

    @Test
    @DisplayName("/recipe/{page} fetches one page; a bad page number or set is a clear 400")
    void onePage() {
        JavalinTest.test(app(), (server, client) -> {
            String html = client.get("/recipe/3?api_key=" + Users.ALICE_KEY).body().string();
            assertThat(ResultRows.in(html)).extracting(ResultRows.Row::url).containsExactly(upstream.recipeUrls().get(2));

            var tooFar = client.get("/recipe/11?api_key=" + Users.ALICE_KEY);
            assertThat(tooFar.code()).isEqualTo(400);
            assertThat(tooFar.body().string()).contains("from 1 to 10, got '11'");
            // Integer.parseInt would take both as 5
            for (String notAPageNumber : new String[] {"%2B5", "%EF%BC%95"}) {
                var refused = client.get("/recipe/" + notAPageNumber + "?api_key=" + Users.ALICE_KEY);
                assertThat(refused.code()).as(notAPageNumber).isEqualTo(400);
                assertThat(refused.body().string()).as(notAPageNumber).contains("from 1 to 10, got '");
            }
            var badSet = client.get("/recipe/1?set=everything&api_key=" + Users.ALICE_KEY);
            assertThat(badSet.code()).isEqualTo(400);
            assertThat(badSet.body().string()).contains("'pages' or 'faults'");
        });
    }

    @Test
    @DisplayName("/requests reads the request log back from the database")
    void requestLogPage() {
        JavalinTest.test(app(), (server, client) -> {
            client.get("/me?api_key=" + Users.ALICE_KEY);
            client.get("/me?api_key=" + Users.ALICE_KEY);
            // the log is written behind the responses; the page shows what is stored so far, never more than was served
            String html = client.get("/requests?api_key=" + Users.ALICE_KEY).body().string();
            assertThat(html).contains("Request log", "data-waited=\"0\"");
            assertThat(html).containsPattern("data-stored=\"[0-2]\"");
        });
    }
}
