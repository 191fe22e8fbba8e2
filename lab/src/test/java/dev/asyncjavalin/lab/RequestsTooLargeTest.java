package dev.asyncjavalin.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Requests Jetty refuses before any route runs get one plain sentence, not Jetty's "/badMessage" table. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestsTooLargeTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Javalin app;

    @BeforeAll
    void start() {
        app = Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.lab.templates");
            config.routes.get("/page", ctx -> ctx.result("a page"));
        }).start(0);
    }

    @AfterAll
    void stop() {
        app.stop();
    }

    @Test
    @DisplayName("a 10 kB query value is a plain 414 that says the address is over the limit")
    void longAddress() throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/page?v=" + "a".repeat(10_000))));

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(response.body()).startsWith("414 URI Too Long: the address with its query string is over the server's limit of 8192 bytes")
                .doesNotContain("<", "badMessage");
    }

    @Test
    @DisplayName("a 10 kB header is a plain 431 that says the headers are over the limit")
    void largeHeaders() throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/page")).header("X-Large", "b".repeat(10_000)));

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.body()).isEqualTo("431 Request Header Fields Too Large: the request's headers are over the server's limit of 8192 bytes\n");
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + app.port() + pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
