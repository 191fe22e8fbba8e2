package dev.asyncjavalin.ch01;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("1.1 /hello greets by name, safely")
class Exercise11GreetingTest {

    @Test
    @DisplayName("?name=Ada renders 'Hello, Ada!' from hello.jte")
    void greetsByName() {
        JavalinTest.test(App.create(), (server, client) -> {
            var response = client.get("/hello?name=Ada");
            assertThat(response.code()).as("Exercise 1.1: status of /hello?name=Ada").isEqualTo(200);
            assertThat(response.body().string()).as("Exercise 1.1: page of /hello?name=Ada").contains("<h1>Hello, Ada!</h1>");
        });
    }

    @Test
    @DisplayName("HTML in the name is shown as text, never run")
    void escapesHtml() {
        JavalinTest.test(App.create(), (server, client) -> {
            var response = client.get("/hello?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
            String page = response.body().string();
            assertThat(response.code()).as("Exercise 1.1: status").isEqualTo(200);
            assertThat(page).as("Exercise 1.1: the name must be escaped")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>");
        });
    }

    @Test
    @DisplayName("no name, or a blank one, greets the world")
    void defaultsToWorld() {
        JavalinTest.test(App.create(), (server, client) -> {
            assertThat(client.get("/hello").body().string()).as("Exercise 1.1: /hello").contains("<h1>Hello, world!</h1>");
            assertThat(client.get("/hello?name=%20%20").body().string()).as("Exercise 1.1: /hello?name=%20%20")
                    .contains("<h1>Hello, world!</h1>");
        });
    }

    @Test
    @DisplayName("a name over 40 characters is a 400 that names the parameter")
    void rejectsLongNames() {
        JavalinTest.test(App.create(), (server, client) -> {
            var response = client.get("/hello?name=" + "a".repeat(41));
            assertThat(response.code()).as("Exercise 1.1: status for a 41-character name").isEqualTo(400);
            assertThat(response.body().string()).as("Exercise 1.1: message").contains("'name'", "40");
        });
    }
}
