package dev.asyncjavalin.ch05;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import io.javalin.testtools.JavalinTest;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the team's chat receives when a request fails. */
class AlertsTest {

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.start();
    @AutoClose
    private final MockWebServer webhook = new MockWebServer();

    @BeforeEach
    void startWebhook() throws Exception {
        webhook.start();
    }

    @Test
    @DisplayName("a 500 posts one JSON alert naming the request, the path and the problem, without a stack trace")
    void alertDescribesTheFailure() {
        webhook.enqueue(new MockResponse.Builder().code(204).build());
        App.Options options = App.Options.defaults(webhook.url("/hooks/team").toString());
        JavalinTest.test(App.create(upstream.urls(), options), (server, client) -> {
            String page = client.get("/boom?api_key=" + Users.ALICE_KEY).body().string();

            RecordedRequest alert = webhook.takeRequest(10, TimeUnit.SECONDS);
            assertThat(alert).as("an alert reached the webhook").isNotNull();
            assertThat(alert.getMethod()).isEqualTo("POST");
            assertThat(alert.getTarget()).isEqualTo("/hooks/team");
            assertThat(alert.getHeaders().get("Content-Type")).startsWith("application/json");
            String body = alert.getBody().utf8();
            assertThat(body).startsWith("{\"text\":\"500 on GET /boom")
                    .contains("IllegalStateException: simulated bug")
                    .doesNotContain("\tat ", "at dev.");
            // the page and the alert quote the same request id, so one can be found from the other
            String requestId = body.replaceAll(".*\"request_id\":\"([^\"]+)\".*", "$1");
            assertThat(page).contains(requestId);
        });
    }

    @Test
    @DisplayName("JSON escaping keeps quotes, backslashes and new lines from breaking the alert")
    void alertJsonIsEscaped() {
        Alert alert = new Alert("id-1", "GET", "/a\"b", "line one\nline \\two\u0001");
        assertThat(alert.toJson()).isEqualTo(
                "{\"text\":\"500 on GET /a\\\"b (request id-1): line one\\nline \\\\two\\u0001\",\"request_id\":\"id-1\"}");
    }
}
