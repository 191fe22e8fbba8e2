package dev.asyncjavalin.ch02;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("exercise")
@DisplayName("2.2 ?timeout= is bounded and explained")
class Exercise22TimeoutParameterTest {

    private final SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ofMillis(10)).start();

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    /** One fast page: these tests are about the parameter, not about what a timeout does to a call. */
    private UpstreamUrls onePage() {
        return new UpstreamUrls(List.of(upstream.url("/recipes/1")), Map.of(), "one fast page");
    }

    /** What the page prints after "per-call timeout: ", e.g. "2000 ms". */
    private static String perCallTimeout(String page) {
        Matcher matcher = Pattern.compile("per-call timeout: (\\d+ ms)").matcher(page);
        return matcher.find() ? matcher.group(1) : "(not on the page)";
    }

    @ParameterizedTest(name = "?timeout={0} is a 400 saying ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "abc   | Query parameter 'timeout' must be a whole number, got 'abc'",
        "1.5   | Query parameter 'timeout' must be a whole number, got '1.5'",
        "''    | Query parameter 'timeout' must be a whole number",
        "99    | Query parameter 'timeout' must be from 100 to 10000 (ms), got '99'",
        "10001 | Query parameter 'timeout' must be from 100 to 10000 (ms), got '10001'",
    })
    void rejectsBadTimeouts(String timeout, String message) {
        JavalinTest.test(App.create(onePage()), (server, client) -> {
            var response = client.get("/sync_get_urls?timeout=" + timeout);
            assertThat(response.code()).as("Exercise 2.2: status of /sync_get_urls?timeout=" + timeout).isEqualTo(400);
            assertThat(response.body().string()).as("Exercise 2.2: message for ?timeout=" + timeout).contains(message);
        });
    }

    @ParameterizedTest(name = "?timeout={0} is used for every call and shown on the page")
    @ValueSource(ints = {100, 150, 10_000})
    void usesValidTimeouts(int timeout) {
        JavalinTest.test(App.create(onePage()), (server, client) -> {
            var response = client.get("/sync_get_urls?timeout=" + timeout);
            String page = response.body().string();
            assertThat(response.code()).as("Exercise 2.2: status of /sync_get_urls?timeout=" + timeout).isEqualTo(200);
            assertThat(perCallTimeout(page)).as("Exercise 2.2: the per-call timeout the page says it used")
                    .isEqualTo(timeout + " ms");
            assertThat(ResultRows.statuses(page)).as("Exercise 2.2: the fast page still loads").containsExactly("200");
        });
    }
}
