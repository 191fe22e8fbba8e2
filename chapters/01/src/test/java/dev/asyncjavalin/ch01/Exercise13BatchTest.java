package dev.asyncjavalin.ch01;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.Lab;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("1.3 /batch validates a list of delays")
class Exercise13BatchTest {

    /**
     * A route that answers with the delays {@code SlowBatch.delaysFrom} read, without sleeping them:
     * the limits (1000 ms each, 3000 in total) are checked in milliseconds, and a stub fails at once.
     * Each test makes all its requests to one server: starting one costs more than the requests.
     */
    private static Javalin delaysProbe() {
        return Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.ch01.templates");
            config.routes.get("/delays", ctx -> ctx.result(SlowBatch.describe(SlowBatch.delaysFrom(ctx))));
        });
    }

    @Test
    @DisplayName("/batch?delays_ms=0,1,2 waits each delay, one after another, on the request's thread")
    void theChaptersOwnPage() {
        JavalinTest.test(App.create(), (server, client) -> {
            var response = client.get("/batch?delays_ms=0,1,2");
            String body = response.body().string();
            assertThat(response.code()).as("Exercise 1.3: status of /batch?delays_ms=0,1,2 (the app answered: %s)", oneLine(body))
                    .isEqualTo(200);
            assertThat(body).as("Exercise 1.3: /batch?delays_ms=0,1,2 must wait 0, 1 and 2 ms").contains("0 + 1 + 2 = 3 ms");
        });
    }

    @Test
    @DisplayName("lists up to the limits are read as given: 5 delays, 1000 ms each, 3000 ms in total")
    void readsListsUpToTheLimits() {
        Map<String, String> allowed = Map.of(
                "250", "250 = 250 ms",
                "0", "0 = 0 ms",
                "1000", "1000 = 1000 ms",
                "200,300,100", "200 + 300 + 100 = 600 ms",
                "0,0,0,0,0", "0 + 0 + 0 + 0 + 0 = 0 ms",
                "1000,1000,1000", "1000 + 1000 + 1000 = 3000 ms",
                "007", "7 = 7 ms");
        JavalinTest.test(delaysProbe(), (server, client) -> allowed.forEach((delays, read) -> {
            String body = answer(client, delays, 200,
                    "is allowed (up to 5 delays, each from 0 to 1000 ms, both ends included, at most 3000 ms in total)");
            assertThat(body).as("Exercise 1.3: ?delays_ms=%s must be read as %s, in order (delays_ms is in milliseconds)", delays, read)
                    .isEqualTo(read);
        }));
    }

    @Test
    @DisplayName("a bad delay is a 400 that names it by its place and shows it, never a 500")
    void namesTheBadDelay() {
        Map<String, String> bad = Map.of(
                "200,abc", "delay 2 must be a whole number from 0 to 1000, got 'abc'",
                "1.5", "delay 1 must be a whole number from 0 to 1000, got '1.5'",
                "200,-1", "delay 2 must be a whole number from 0 to 1000, got '-1'",
                "1001", "delay 1 must be a whole number from 0 to 1000, got '1001'",
                "99999999999", "delay 1 must be a whole number from 0 to 1000, got '99999999999'",
                "200,%20300", "delay 2 must be a whole number from 0 to 1000, got ' 300'");
        JavalinTest.test(delaysProbe(), (server, client) -> bad.forEach((delays, message) ->
                assertThat(answer(client, delays, 400, "must be a 400 that names the bad delay (a bad delay must be a 400, never a 500)"))
                        .as("Exercise 1.3: the 400 for ?delays_ms=%s must name the parameter, the delay's place and its value", delays)
                        .contains("Query parameter 'delays_ms'", message)));
    }

    @Test
    @DisplayName("an empty delay is a mistake, also at the end: 200,,300 and 200, are a 400")
    void emptyDelaysAreMistakes() {
        JavalinTest.test(delaysProbe(), (server, client) -> {
            assertThat(answer(client, "200,,300", 400, "has an empty delay between the commas"))
                    .as("Exercise 1.3: the 400 for ?delays_ms=200,,300 must name its empty delay").contains("delay 2", "got ''");
            assertThat(answer(client, "200,", 400, "ends with an empty delay: String.split(\",\") drops trailing empty"
                    + " strings, so read it with a limit that keeps them"))
                    .as("Exercise 1.3: the 400 for ?delays_ms=200, must name its empty delay").contains("delay 2", "got ''");
        });
    }

    @Test
    @DisplayName("+5 and other scripts' digits are a 400, though Integer.parseInt takes them")
    void onlyAsciiDigits() {
        List<List<String>> typed = List.of(List.of("%2B5", "+5"), List.of("%EF%BC%95", "\uFF15"), List.of("%D9%A5", "\u0665"));
        JavalinTest.test(delaysProbe(), (server, client) -> typed.forEach(pair ->
                assertThat(answer(client, pair.get(0), 400, "(" + pair.get(1) + "): Integer.parseInt takes a '+' and digits of other"
                        + " scripts, but a delay in a URL is ASCII digits"))
                        .as("Exercise 1.3: the 400 for ?delays_ms=%s must say what is wrong", pair.get(1))
                        .contains("delay 1 must be a whole number", "got '" + pair.get(1) + "'")));
    }

    @Test
    @DisplayName("the list is capped: it is required, 6 delays are a 400, and so is a total over 3000 ms")
    void theListIsCapped() {
        JavalinTest.test(delaysProbe(), (server, client) -> {
            var absent = client.get("/delays");
            String absentBody = absent.body().string();
            assertThat(absent.code()).as("Exercise 1.3: /batch without ?delays_ms= must be a 400 (there is nothing to wait for);"
                    + " the answer was %s: %s", absent.code(), oneLine(absentBody)).isEqualTo(400);
            assertThat(absentBody).as("Exercise 1.3: the 400 for a missing ?delays_ms= must say it is required")
                    .contains("Query parameter 'delays_ms' is required");
            assertThat(answer(client, "", 400, "is empty: it is required")).contains("Query parameter 'delays_ms' is required");
            assertThat(answer(client, "0,0,0,0,0,0", 400, "has 6 delays: at most 5 delays are allowed"))
                    .as("Exercise 1.3: the 400 for 6 delays must say how many are allowed and how many came")
                    .contains("Query parameter 'delays_ms' takes at most 5 delays, got 6");
            assertThat(answer(client, "1000,1000,1000,1", 400, "adds up to 3001 ms: a whole list may hold the thread at most 3000 ms"))
                    .as("Exercise 1.3: the 400 for a total of 3001 ms must give the total and the limit")
                    .contains("Query parameter 'delays_ms' adds up to 3001 ms, more than 3000");
        });
    }

    /** Asks the probe for {@code delays}, asserts the status (the failure says {@code why}), and returns the body. */
    private static String answer(HttpClient client, String delays, int status, String why) {
        var response = client.get("/delays?delays_ms=" + delays);
        String body = response.body().string();
        assertThat(response.code())
                .as("Exercise 1.3: ?delays_ms=%s %s; the answer was %s: %s", delays, why, response.code(), oneLine(body))
                .isEqualTo(status);
        return body;
    }

    /** What the app answered, quoted in a failure message: one line; a long page is shortened, visibly. */
    private static String oneLine(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= 160 ? line : line.substring(0, 160) + " […]";
    }
}
