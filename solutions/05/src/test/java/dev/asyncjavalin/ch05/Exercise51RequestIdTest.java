package dev.asyncjavalin.ch05;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.asyncjavalin.lab.AlertSink;
import dev.asyncjavalin.lab.SlowUpstream;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("exercise")
@DisplayName("5.1 request id and Server-Timing hooks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // a hook that breaks every page is named by the first test
class Exercise51RequestIdTest {

    /** Every upstream page takes at least this long, so /async_get_urls does too: a lower bound for its dur. */
    private static final Duration UPSTREAM_LATENCY = Duration.ofMillis(150);
    private static final String KEY = "api_key=" + Users.ALICE_KEY;

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.builder().fixedLatency(UPSTREAM_LATENCY).start();
    @AutoClose
    private final AlertSink alerts = AlertSink.start();

    private Javalin app() {
        return App.create(upstream.urls(), App.Options.defaults(alerts.webhookUrl()));
    }

    /** GET {@code path}, failing unless it answered {@code status}: the hooks run on every request, and can break them all. */
    private static Response get(HttpClient client, String path, int status, Map<String, String> headers) {
        Response response = client.get(path, request -> headers.forEach(request::header));
        if (response.code() != status) {
            fail("Exercise 5.1: GET %s answered %d, not %d. The hooks run for every request: an exception in them breaks"
                    + " every page (incoming is null when the request has no X-Request-Id)", path, response.code(), status);
        }
        return response;
    }

    private static Response get(HttpClient client, String path, int status) {
        return get(client, path, status, Map.of());
    }

    private static String requestId(Response response) {
        List<String> ids = response.headers().get(RequestTiming.REQUEST_ID_HEADER);
        if (ids == null || ids.size() != 1) {
            fail("Exercise 5.1: the X-Request-Id response header is %s, not one id: set it in the before hook (ctx.header)", ids);
        }
        return ids.get(0);
    }

    // tag::requestId[]
    @Test
    @Order(1)
    @DisplayName("every answer carries a new X-Request-Id: pages, 401, 404 and 500 alike")
    void everyAnswerHasAnId() {
        JavalinTest.test(app(), (server, client) -> {
            String home = requestId(get(client, "/", 200));
            String refused = requestId(get(client, "/me", 401));
            String missing = requestId(get(client, "/nowhere", 404));
            String failed = requestId(get(client, "/boom?" + KEY, 500));

            assertThat(List.of(home, refused, missing, failed)).as("Exercise 5.1: the ids")
                    .allMatch(id -> RequestTiming.VALID_REQUEST_ID.matcher(id).matches())
                    .doesNotHaveDuplicates();
        });
    }

    @Test
    @Order(2)
    @DisplayName("a valid incoming X-Request-Id is kept; an unsafe one is replaced")
    void incomingIdIsKeptWhenSafe() {
        JavalinTest.test(app(), (server, client) -> {
            var kept = get(client, "/me", 200, Map.of(RequestTiming.REQUEST_ID_HEADER, "edge-7f3a.42", ApiKeyAuth.HEADER, Users.ALICE_KEY));
            assertThat(requestId(kept)).as("Exercise 5.1: a valid incoming id").isEqualTo("edge-7f3a.42");
            assertThat(kept.body().string()).contains("(request edge-7f3a.42)");

            for (String unsafe : List.of("has spaces", "<script>", "x".repeat(65))) {
                String answered = requestId(get(client, "/", 200, Map.of(RequestTiming.REQUEST_ID_HEADER, unsafe)));
                if (answered.contains(unsafe) || !RequestTiming.VALID_REQUEST_ID.matcher(answered).matches()) {
                    fail("Exercise 5.1: an unsafe incoming X-Request-Id ('%s') came back as '%s': keep an incoming id only when"
                            + " all of it matches VALID_REQUEST_ID (matches(), not find())", unsafe, answered);
                }
            }
        });
    }
    // end::requestId[]

    @Test
    @Order(3)
    @DisplayName("the 500 page quotes the same id as its X-Request-Id header")
    void errorPageQuotesTheHeaderId() {
        JavalinTest.test(app(), (server, client) -> {
            var response = get(client, "/boom?" + KEY, 500);
            assertThat(response.body().string()).as("Exercise 5.1: the 500 page").contains(">" + requestId(response) + "<");
        });
    }

    // tag::serverTiming[]
    @Test
    @Order(4)
    @DisplayName("every answer carries Server-Timing: app;dur=<ms>, the time from the before hook to the after hook")
    void serverTimingHeader() {
        JavalinTest.test(app(), (server, client) -> {
            for (String path : List.of("/", "/me", "/nowhere", "/async_get_urls?" + KEY)) {
                long asked = System.nanoTime();
                Response response = client.get(path);
                double clientMs = (System.nanoTime() - asked) / 1e6; // the app's time lies inside the client's

                String timing = serverTiming(response, path);
                double dur = Double.parseDouble(timing.substring("app;dur=".length()));
                double atLeast = path.startsWith("/async_get_urls") ? UPSTREAM_LATENCY.toMillis() : 0;
                if (dur < atLeast || dur > clientMs + 0.1) {
                    fail("Exercise 5.1: %s says '%s', but it took at least %.0f ms (the upstream's latency) and at most %.1f ms"
                            + " (the client's own measure): dur is millis(elapsed(ctx)), taken in the after hook", path, timing, atLeast, clientMs);
                }
            }
        });
    }
    // end::serverTiming[]

    private static String serverTiming(Response response, String path) {
        List<String> values = response.headers().get("Server-Timing");
        if (values == null || values.size() != 1 || !values.get(0).matches("app;dur=\\d+(\\.\\d+)?")) {
            fail("Exercise 5.1: the Server-Timing header of %s is %s, not one 'app;dur=<milliseconds>'", path, values);
        }
        return values.get(0);
    }
}
