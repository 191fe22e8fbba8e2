package dev.asyncjavalin.ch01;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("1.1 /hello greets by name, safely")
class Exercise11GreetingTest {

    @Test
    @DisplayName("?name=Ada renders 'Hello, Ada!' from hello.jte, inside the course layout")
    void greetsByName() {
        JavalinTest.test(App.create(), (server, client) -> {
            var response = client.get("/hello?name=Ada");
            String page = response.body().string();
            assertThat(response.code()).as("Exercise 1.1: status of /hello?name=Ada (the app answered: %s)", oneLine(page)).isEqualTo(200);
            assertThat(page).as("Exercise 1.1: page of /hello?name=Ada").contains("<h1>Hello, Ada!</h1>");
            // the layout's title only appears when hello.jte rendered the page
            assertThat(page).as("Exercise 1.1: the page has no layout; render hello.jte instead of writing the HTML yourself")
                    .contains("<title>Hello · Chapter 01</title>");
        });
    }

    @Test
    @DisplayName("HTML in the name is shown as text, never run")
    void escapesHtml() {
        JavalinTest.test(App.create(), (server, client) -> {
            var response = client.get("/hello?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
            String page = response.body().string();
            assertThat(response.code()).as("Exercise 1.1: status of /hello?name=<script>... (the app answered: %s)", oneLine(page)).isEqualTo(200);
            assertThat(page).as("Exercise 1.1: a <script> in the name reached the page as markup; render hello.jte, which escapes it")
                    .doesNotContain("<script>");
            assertThat(page).as("Exercise 1.1: the name must appear escaped once (&lt;script&gt;); escaping it yourself as well escapes it twice")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        });
    }

    @Test
    @DisplayName("'&' in the name is escaped too, not only '<' and '>'")
    void escapesEveryHtmlCharacter() {
        JavalinTest.test(App.create(), (server, client) -> {
            var response = client.get("/hello?name=Tom%20%26%20Jerry");
            String page = response.body().string();
            assertThat(response.code()).as("Exercise 1.1: status of /hello?name=Tom & Jerry (the app answered: %s)", oneLine(page)).isEqualTo(200);
            assertThat(page).as("Exercise 1.1: '&' in the name must arrive as &amp;; render hello.jte instead of escaping by hand")
                    .contains("<h1>Hello, Tom &amp; Jerry!</h1>");
        });
    }

    @Test
    @DisplayName("no name greets the world, and so does a name of only spaces")
    void defaultsToWorld() {
        JavalinTest.test(App.create(), (server, client) -> {
            var absent = client.get("/hello");
            String absentPage = absent.body().string();
            assertThat(absent.code()).as("Exercise 1.1: status of /hello without ?name= (the app answered: %s)", oneLine(absentPage)).isEqualTo(200);
            assertThat(absentPage).as("Exercise 1.1: /hello without ?name= must greet the world").contains("<h1>Hello, world!</h1>");
            assertThat(client.get("/hello?name=%20%20").body().string())
                    .as("Exercise 1.1: a blank name (only spaces) must greet the world; isEmpty() misses it, isBlank() does not")
                    .contains("<h1>Hello, world!</h1>");
        });
    }

    @Test
    @DisplayName("a name of exactly 40 characters is greeted")
    void acceptsFortyCharacters() {
        String forty = "a".repeat(Greeting.MAX_NAME_LENGTH);
        JavalinTest.test(App.create(), (server, client) -> {
            var response = client.get("/hello?name=" + forty);
            String page = response.body().string();
            assertThat(response.code())
                    .as("Exercise 1.1: a name of exactly 40 characters is allowed (only over 40 is a 400); the app answered: %s", oneLine(page))
                    .isEqualTo(200);
            assertThat(page).as("Exercise 1.1: page for a 40-character name").contains("<h1>Hello, " + forty + "!</h1>");
        });
    }

    @Test
    @DisplayName("a name of 41 characters is a 400 that names the parameter")
    void rejectsLongNames() {
        JavalinTest.test(App.create(), (server, client) -> {
            var response = client.get("/hello?name=" + "a".repeat(Greeting.MAX_NAME_LENGTH + 1));
            String body = response.body().string();
            assertThat(response.code()).as("Exercise 1.1: a 41-character name must be a 400 (the app answered: %s)", oneLine(body)).isEqualTo(400);
            assertThat(body).as("Exercise 1.1: the 400 must name the parameter 'name' and its limit 40").contains("'name'", "40");
        });
    }

    @Test
    @DisplayName("an emoji is one character: 40 emoji are greeted, 41 are a 400")
    void countsCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00"; // 😀, outside the Basic Multilingual Plane: one character, two Java chars
        JavalinTest.test(App.create(), (server, client) -> {
            var forty = client.get("/hello?name=" + URLEncoder.encode(emoji.repeat(Greeting.MAX_NAME_LENGTH), StandardCharsets.UTF_8));
            String page = forty.body().string();
            assertThat(forty.code())
                    .as("Exercise 1.1: a name of 40 emoji is 40 characters and must be greeted; String.length() counts"
                            + " UTF-16 units (2 per emoji), count code points instead (the app answered: %s)", oneLine(page))
                    .isEqualTo(200);
            var fortyOne = client.get("/hello?name=" + URLEncoder.encode(emoji.repeat(Greeting.MAX_NAME_LENGTH + 1), StandardCharsets.UTF_8));
            assertThat(fortyOne.code()).as("Exercise 1.1: a name of 41 emoji is over 40 characters: a 400").isEqualTo(400);
        });
    }

    /** What the app answered, quoted in a failure message: one line; a long page is shortened, visibly. */
    private static String oneLine(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= 160 ? line : line.substring(0, 160) + " […]";
    }
}
