package dev.asyncjavalin.ch08;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AppTest {

    /** Instant work: these tests are about who computes, not about how long it takes. */
    private final Settings settings = Settings.defaults().withWork(input -> "hashed(" + input + ")");
    private static final Pattern THREADS = Pattern.compile("asked on thread (\\S+), computed on thread (\\S+)");

    @Test
    @DisplayName("the home page links every route and offers to start jobs")
    void homeListsRoutes() {
        JavalinTest.test(App.create(settings), (server, client) -> {
            assertThat(client.get("/").body().string())
                    .contains("href=\"/hash_sync\"", "href=\"/hash_async\"", "href=\"/cpu_pool\"", "action=\"/jobs?steps=");
        });
    }

    @Test
    @DisplayName("/hash_sync computes on the request thread itself")
    void syncComputesOnRequestThread() {
        JavalinTest.test(App.create(settings), (server, client) -> {
            String answer = client.get("/hash_sync?input=pear").body().string();

            assertThat(answer).startsWith("hashed(pear)");
            Matcher threads = THREADS.matcher(answer);
            assertThat(threads.find()).as("threads named in: %s", answer).isTrue();
            assertThat(threads.group(2)).isEqualTo(threads.group(1));
        });
    }

    @Test
    @DisplayName("/hash_async gives the request thread back and computes on a CPU pool thread")
    void asyncComputesOnCpuPool() {
        JavalinTest.test(App.create(settings), (server, client) -> {
            String answer = client.get("/hash_async?input=pear").body().string();

            assertThat(answer).startsWith("hashed(pear)");
            Matcher threads = THREADS.matcher(answer);
            assertThat(threads.find()).as("threads named in: %s", answer).isTrue();
            assertThat(threads.group(2)).startsWith("cpu-").isNotEqualTo(threads.group(1));
        });
    }

    @Test
    @DisplayName("an input longer than 200 characters is a 400 that says so")
    void longInputIsExplained() {
        JavalinTest.test(App.create(settings), (server, client) -> {
            var response = client.get("/hash_async?input=" + "x".repeat(App.MAX_INPUT_LENGTH + 1));
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("'input'", "at most 200 characters");
        });
    }

    @Test
    @DisplayName("/cpu_pool shows threads, queue slots and refusals")
    void poolUsageIsVisible() {
        JavalinTest.test(App.create(settings.withCpuPool(3, 5)), (server, client) -> {
            assertThat(client.get("/cpu_pool").body().string()).contains("3 threads", "0 of 5 queue slots taken", "0 requests refused");
        });
    }

    @Test
    @DisplayName("an unknown path is a 404 page listing the routes")
    void unknownPath() {
        JavalinTest.test(App.create(settings), (server, client) -> {
            var response = client.get("/hash");
            assertThat(response.code()).isEqualTo(404);
            assertThat(response.body().string()).contains("Nothing at <code>/hash</code>", "href=\"/hash_sync\"");
        });
    }
}
