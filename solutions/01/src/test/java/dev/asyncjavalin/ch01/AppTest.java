package dev.asyncjavalin.ch01;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AppTest {

    @Test
    @DisplayName("the home page links every route of the chapter")
    void homeListsRoutes() {
        JavalinTest.test(App.create(), (server, client) -> {
            var response = client.get("/");
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains("href=\"/data\"", "/hello?name=Ada");
        });
    }

    @Test
    @DisplayName("/data answers after waiting, and names the thread that waited")
    void dataWaitsThenAnswers() {
        JavalinTest.test(App.create(), (server, client) -> {
            var response = client.get("/data");
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).startsWith("Here is your data, after ").contains(" ms (delay_ms=1000) on thread ");
        });
    }

    @Test
    @DisplayName("an unknown path gets a friendly 404 page listing the routes, not a stack trace")
    void friendlyNotFound() {
        JavalinTest.test(App.create(), (server, client) -> {
            var response = client.get("/nope");
            assertThat(response.code()).isEqualTo(404);
            assertThat(response.body().string()).contains("Nothing at <code>/nope</code>", "href=\"/data\"")
                    .doesNotContain("Exception", "at io.javalin");
        });
    }

    @Test
    @DisplayName("HEAD runs the GET route: same status (400 for bad input once exercise 1.2 is solved), no body")
    void headAnswersLikeGet() {
        JavalinTest.test(App.create(), (server, client) -> {
            for (String path : List.of("/", "/hello?name=Ada", "/data?delay_ms=abc")) {
                var head = send(server, "HEAD", path);
                assertThat(head.statusCode()).as("HEAD %s", path).isEqualTo(client.get(path).code());
                assertThat(head.body()).as("HEAD %s", path).isEmpty();
            }
        });
    }

    @Test
    @DisplayName("a wrong method on a route: 405 naming the methods it takes, not a 404")
    void wrongMethodIsNotAllowed() {
        JavalinTest.test(App.create(), (server, client) -> {
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                var response = send(server, method, "/data");
                assertThat(response.statusCode()).as(method).isEqualTo(405);
                assertThat(response.headers().firstValue("Allow")).as(method).hasValue("GET, HEAD");
            }
        });
    }

    /** JavalinTest's client has no HEAD or custom methods: the JDK's own client does. */
    private static HttpResponse<String> send(Javalin server, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
