package dev.asyncjavalin.ch05;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.AlertSink;
import dev.asyncjavalin.lab.SlowUpstream;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("5.1 request id and Server-Timing hooks")
class Exercise51RequestIdTest {

    private final SlowUpstream upstream = SlowUpstream.start();
    private final AlertSink alerts = AlertSink.start();

    @AfterEach
    void stop() {
        upstream.close();
        alerts.close();
    }

    private Javalin app() {
        return App.create(upstream.urls(), App.Options.defaults(alerts.webhookUrl()));
    }

    private static String requestId(Response response) {
        List<String> ids = response.headers().get(RequestTiming.REQUEST_ID_HEADER);
        assertThat(ids).as("Exercise 5.1: the X-Request-Id response header").hasSize(1);
        return ids.get(0);
    }

    // tag::requestId[]
    @Test
    @DisplayName("every answer carries a new X-Request-Id: pages, 401, 404 and 500 alike")
    void everyAnswerHasAnId() {
        JavalinTest.test(app(), (server, client) -> {
            String home = requestId(client.get("/"));
            String refused = requestId(client.get("/me"));
            String missing = requestId(client.get("/nowhere"));
            String failed = requestId(client.get("/boom?api_key=" + Users.ALICE_KEY));

            assertThat(List.of(home, refused, missing, failed)).as("Exercise 5.1: the ids")
                    .allMatch(id -> RequestTiming.VALID_REQUEST_ID.matcher(id).matches())
                    .doesNotHaveDuplicates();
        });
    }

    @Test
    @DisplayName("a valid incoming X-Request-Id is kept; an unsafe one is replaced")
    void incomingIdIsKeptWhenSafe() {
        JavalinTest.test(app(), (server, client) -> {
            var kept = client.get("/me", request -> request.header(RequestTiming.REQUEST_ID_HEADER, "edge-7f3a.42")
                    .header(ApiKeyAuth.HEADER, Users.ALICE_KEY));
            assertThat(requestId(kept)).as("Exercise 5.1: a valid incoming id").isEqualTo("edge-7f3a.42");
            assertThat(kept.body().string()).contains("(request edge-7f3a.42)");

            for (String unsafe : List.of("has spaces", "<script>", "x".repeat(65))) {
                var replaced = client.get("/", request -> request.header(RequestTiming.REQUEST_ID_HEADER, unsafe));
                assertThat(requestId(replaced)).as("Exercise 5.1: the id answered for incoming '%s'", unsafe)
                        .isNotEqualTo(unsafe).matches(RequestTiming.VALID_REQUEST_ID);
            }
        });
    }
    // end::requestId[]

    @Test
    @DisplayName("the 500 page quotes the same id as its X-Request-Id header")
    void errorPageQuotesTheHeaderId() {
        JavalinTest.test(app(), (server, client) -> {
            var response = client.get("/boom?api_key=" + Users.ALICE_KEY);
            assertThat(response.body().string()).as("Exercise 5.1: the 500 page").contains(">" + requestId(response) + "<");
        });
    }

    // tag::serverTiming[]
    @Test
    @DisplayName("every answer carries Server-Timing: app;dur=<ms>, async pages too")
    void serverTimingHeader() {
        JavalinTest.test(app(), (server, client) -> {
            for (String path : List.of("/", "/me", "/async_get_urls?api_key=" + Users.ALICE_KEY)) {
                assertThat(client.get(path).headers().get("Server-Timing")).as("Exercise 5.1: Server-Timing of %s", path)
                        .singleElement().asString().matches("app;dur=\\d+(\\.\\d+)?");
            }
        });
    }
    // end::serverTiming[]
}
