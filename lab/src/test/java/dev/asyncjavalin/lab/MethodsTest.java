package dev.asyncjavalin.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import io.javalin.validation.ValidationException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every method meets the hooks and checks GET meets: Javalin on its own answers HEAD on a GET route
 * with an empty 200 without running the route, its roles or its validation, and a wrong method with 404.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one app for every request: no test changes it
class MethodsTest {

    private enum Access implements RouteRole {
        MEMBER
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Javalin app;

    @BeforeAll
    void start() {
        app = Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.lab.templates");
            // the shape of chapter 05's key check: routes with a role need the key
            config.routes.beforeMatched(ctx -> {
                if (ctx.routeRoles().contains(Access.MEMBER) && !"open-sesame".equals(ctx.header("X-Key"))) {
                    throw new UnauthorizedResponse("key needed");
                }
            });
            config.routes.get("/open", ctx -> ctx.result("open to all"));
            config.routes.get("/members", ctx -> ctx.result("members only"), Access.MEMBER);
            config.routes.get("/count", ctx -> ctx.result("n=" + Lab.wholeNumber(ctx, "n", 1, 0, 10)));
            config.routes.post("/jobs", ctx -> ctx.status(202));
            config.routes.exception(ValidationException.class, Lab::badQueryParameter);
            // a catch-all like chapter 05's must not turn the 405 into something else
            config.routes.exception(Exception.class, (e, ctx) -> ctx.status(500).result("bug"));
        }).start(0);
    }

    @AfterAll
    void stop() {
        app.stop();
    }

    private HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("HEAD on a route with a role meets the same key check as GET: 401 without the key")
    void headMeetsTheKeyCheck() throws Exception {
        assertThat(send("GET", "/members").statusCode()).isEqualTo(401);
        assertThat(send("HEAD", "/members").statusCode()).isEqualTo(401);
        assertThat(send("HEAD", "/members", "X-Key", "open-sesame").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("HEAD with bad input meets the same validation as GET: 400, not an empty 200")
    void headMeetsValidation() throws Exception {
        assertThat(send("GET", "/count?n=abc").statusCode()).isEqualTo(400);
        assertThat(send("HEAD", "/count?n=abc").statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("HEAD runs the GET route and answers its headers without the body")
    void headAnswersWithoutBody() throws Exception {
        var get = send("GET", "/count?n=7");
        var head = send("HEAD", "/count?n=7");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(get.body()).isEqualTo("n=7");
    }

    @ParameterizedTest(name = "{0} on a GET-only path: 405 with Allow: GET, HEAD")
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "ABCDEFGHIJKLMNOP"})
    void wrongMethodIsNotAllowed(String method) throws Exception {
        var response = send(method, "/open");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(response.body()).contains(method + " is not allowed on /open", "GET, HEAD");
    }

    @Test
    @DisplayName("a wrong method on a key-protected path is a 405 too: the route never runs, so nothing leaks")
    void wrongMethodOnProtectedPath() throws Exception {
        var response = send("DELETE", "/members");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).doesNotContain("members only");
    }

    @Test
    @DisplayName("GET on a POST-only path: 405 with Allow: POST")
    void getOnPostOnlyPath() throws Exception {
        var response = send("GET", "/jobs");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @ParameterizedTest(name = "{0} on an unknown path: still 404")
    @ValueSource(strings = {"GET", "HEAD", "POST", "ABCDEFGHIJKLMNOP"})
    void unknownPathIsNotFound(String method) throws Exception {
        assertThat(send(method, "/nowhere").statusCode()).isEqualTo(404);
    }
}
