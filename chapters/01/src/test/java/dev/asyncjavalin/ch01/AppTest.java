package dev.asyncjavalin.ch01;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
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
}
