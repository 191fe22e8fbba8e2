package dev.asyncjavalin.ch05;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.AlertSink;
import dev.asyncjavalin.lab.SlowUpstream;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuthTest {

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.start();
    @AutoClose
    private final AlertSink alerts = AlertSink.start();

    private Javalin app() {
        return App.create(upstream.urls(), App.Options.defaults(alerts.webhookUrl()));
    }

    @Test
    @DisplayName("no key on a protected route: 401, and the page says what to send")
    void missingKey() {
        JavalinTest.test(app(), (server, client) -> {
            var response = client.get("/me");
            assertThat(response.code()).isEqualTo(401);
            assertThat(response.body().string()).contains("needs an API key", "X-Api-Key");
        });
    }

    @Test
    @DisplayName("every route but the home page needs a key (a route left without its role would be open)")
    void everyRouteButHomeIsProtected() {
        JavalinTest.test(app(), (server, client) -> {
            for (String path : App.ROUTES.keySet()) {
                String withoutKey = path.replaceAll("\\?.*", "");
                int expected = withoutKey.equals("/") ? 200 : 401;
                assertThat(client.get(withoutKey).code()).as("GET %s without a key", withoutKey).isEqualTo(expected);
            }
        });
    }

    @Test
    @DisplayName("an unknown key: 401, without repeating the key back")
    void unknownKey() {
        JavalinTest.test(app(), (server, client) -> {
            var response = client.get("/me", request -> request.header(ApiKeyAuth.HEADER, "key-mallory-0000"));
            assertThat(response.code()).isEqualTo(401);
            assertThat(response.body().string()).contains("not one we know").doesNotContain("key-mallory");
        });
    }

    @Test
    @DisplayName("a 401 stops the request before the endpoint: no upstream call is made")
    void refusedRequestsCostNothing() {
        JavalinTest.test(app(), (server, client) -> {
            assertThat(client.get("/async_get_urls").code()).isEqualTo(401);
            assertThat(upstream.served()).isZero();
        });
    }

    @Test
    @DisplayName("an unknown path is a 404 with or without a key (beforeMatched runs only for routes)")
    void unknownPathIsNotFound() {
        JavalinTest.test(app(), (server, client) -> {
            assertThat(client.get("/nowhere").code()).isEqualTo(404);
        });
    }

    @Test
    @DisplayName("HEAD meets the key check like GET: 401 on every protected route without a key, 200 with one")
    void headIsNotAWayAroundTheKey() {
        JavalinTest.test(app(), (server, client) -> {
            for (String path : App.ROUTES.keySet()) {
                String withoutKey = path.replaceAll("\\?.*", "");
                int expected = withoutKey.equals("/") ? 200 : 401;
                assertThat(send(server, "HEAD", withoutKey).statusCode()).as("HEAD %s without a key", withoutKey).isEqualTo(expected);
            }
            assertThat(send(server, "HEAD", "/me?" + ApiKeyAuth.QUERY_PARAMETER + "=" + Users.ALICE_KEY).statusCode()).isEqualTo(200);
            assertThat(upstream.served()).as("a refused HEAD costs no upstream call").isZero();
        });
    }

    @Test
    @DisplayName("a wrong method on a protected path: 405 with Allow, and the route never runs")
    void wrongMethodIsNotAllowed() {
        JavalinTest.test(app(), (server, client) -> {
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                var response = send(server, method, "/requests?" + ApiKeyAuth.QUERY_PARAMETER + "=" + Users.ALICE_KEY);
                assertThat(response.statusCode()).as(method).isEqualTo(405);
                assertThat(response.headers().firstValue("Allow")).as(method).hasValue("GET, HEAD");
                assertThat(response.body()).as(method).doesNotContain("Request log");
            }
            assertThat(send(server, "POST", "/nowhere").statusCode()).as("an unknown path").isEqualTo(404);
        });
    }

    /** JavalinTest's client has no HEAD: the JDK's own client has every method. */
    private static HttpResponse<String> send(Javalin server, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
