package dev.asyncjavalin.ch02;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.UpstreamUrls;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * These tests are about the parameter, not about what a timeout does to a call (exercise 2.1), so
 * no call goes over the network: a page list with no pages for the page's own line, and a client
 * that answers at once and notes each call's timeout. A short timeout can then never run out on
 * a slow machine and turn a row into "timeout".
 */
@Tag("exercise")
@DisplayName("2.2 ?timeout= is bounded and explained")
class Exercise22TimeoutParameterTest {

    private static final UpstreamUrls NO_PAGES = new UpstreamUrls(List.of(), Map.of(), "no pages");
    private static final UpstreamUrls ONE_PAGE = new UpstreamUrls(List.of("http://upstream.test/recipes/1"), Map.of(), "one page");

    /** Answers every call with a small page before it reaches the network, and notes the call's timeout in ms. */
    private static OkHttpClient recordingClient(List<Long> timeouts) {
        return UpstreamClient.create().newBuilder()
                .addInterceptor(chain -> {
                    timeouts.add(TimeUnit.NANOSECONDS.toMillis(chain.call().timeout().timeoutNanos()));
                    return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                            .body(ResponseBody.create("<title>Recipe 1</title>", MediaType.get("text/html")))
                            .build();
                })
                .build();
    }

    /** What the page prints after "per-call timeout: ", e.g. "2000 ms". */
    private static String perCallTimeout(String page) {
        Matcher matcher = Pattern.compile("per-call timeout: (\\d+ ms)").matcher(page);
        return matcher.find() ? matcher.group(1) : "(not on the page)";
    }

    @Test
    @DisplayName("?timeout=10000 reaches the call, and without ?timeout= the call gets 2000 ms (the page never a 500)")
    void reachesTheCallsAndDefaults() {
        List<Long> timeouts = new CopyOnWriteArrayList<>();
        JavalinTest.test(App.create(ONE_PAGE, recordingClient(timeouts)), (server, client) -> {
            var asked = client.get("/sync_get_urls?timeout=10000");
            String askedPage = asked.body().string();
            assertThat(asked.code()).as("Exercise 2.2: status of /sync_get_urls?timeout=10000 (the app answered: %s)", oneLine(askedPage))
                    .isEqualTo(200);
            assertThat(timeouts).as("Exercise 2.2: the timeout each call got for ?timeout=10000 (ms)").containsExactly(10_000L);

            var absent = client.get("/sync_get_urls");
            String absentPage = absent.body().string();
            assertThat(absent.code())
                    .as("Exercise 2.2: /sync_get_urls without ?timeout= answered %s, not 200 (%s): absent means the default 2000 ms;"
                            + " Javalin runs check(...) on a missing value too, so handle null first", absent.code(), oneLine(absentPage))
                    .isEqualTo(200);
            assertThat(timeouts).as("Exercise 2.2: without ?timeout= each call gets the default 2000 ms").containsExactly(10_000L, 2000L);
        });
    }

    @ParameterizedTest(name = "?timeout={0} is a 400 saying ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "abc         | Query parameter 'timeout' must be a whole number, got 'abc'",
        "1.5         | Query parameter 'timeout' must be a whole number, got '1.5'",
        "99999999999 | Query parameter 'timeout' must be",
        "''          | Query parameter 'timeout' must be a whole number",
        "99          | Query parameter 'timeout' must be from 100 to 10000 (ms), got '99'",
        "-2000       | Query parameter 'timeout' must be from 100 to 10000 (ms), got '-2000'",
        "10001       | Query parameter 'timeout' must be from 100 to 10000 (ms), got '10001'",
    })
    void rejectsBadTimeouts(String timeout, String message) {
        JavalinTest.test(App.create(NO_PAGES), (server, client) -> {
            var response = client.get("/sync_get_urls?timeout=" + timeout);
            String body = response.body().string();
            assertThat(response.code())
                    .as("Exercise 2.2: ?timeout=%s must be a 400 (only whole milliseconds from 100 to 10000 are allowed); the app answered %s: %s",
                            timeout, response.code(), oneLine(body))
                    .isEqualTo(400);
            assertThat(body).as("Exercise 2.2: the 400 for ?timeout=%s must say what is wrong", timeout).contains(message);
        });
    }

    @ParameterizedTest(name = "?timeout={0} is used and shown on the page")
    @ValueSource(ints = {100, 101, 150, 9999, 10_000})
    void usesValidTimeouts(int timeout) {
        JavalinTest.test(App.create(NO_PAGES), (server, client) -> {
            var response = client.get("/sync_get_urls?timeout=" + timeout);
            String page = response.body().string();
            assertThat(response.code())
                    .as("Exercise 2.2: ?timeout=%s is allowed (100 to 10000, both ends included), but the app answered %s: %s",
                            timeout, response.code(), oneLine(page))
                    .isEqualTo(200);
            assertThat(perCallTimeout(page))
                    .as("Exercise 2.2: the per-call timeout the page shows for ?timeout=%s (it is in milliseconds: Duration.ofMillis)", timeout)
                    .isEqualTo(timeout + " ms");
        });
    }

    /** What the app answered, quoted in a failure message: one line; a long page is shortened, visibly. */
    private static String oneLine(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= 140 ? line : line.substring(0, 140) + " […]";
    }
}
