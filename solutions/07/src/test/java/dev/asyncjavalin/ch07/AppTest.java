package dev.asyncjavalin.ch07;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AppTest {

    private static SlowUpstream upstream;

    @BeforeAll
    static void startUpstream() {
        upstream = SlowUpstream.builder().pages(3).fixedLatency(Duration.ZERO).start();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    // tag::virtualByDefault[]
    @Test
    @DisplayName("the app runs every request on a virtual thread")
    void requestsRunOnVirtualThreads() {
        JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
            assertThat(client.get("/thread").body().string()).contains("data-virtual=\"true\"");

            String page = client.get("/vthread_get_urls").body().string();
            assertThat(page).contains("data-virtual=\"true\"");
            assertThat(ResultRows.statuses(page)).containsExactly("200", "200", "200");
        });
    }
    // end::virtualByDefault[]

    @Test
    @DisplayName("with a platform pool, the same handlers run on platform threads")
    void platformPoolForComparison() {
        JavalinTest.test(App.create(upstream.urls(), RequestThreads.platform(16)), (server, client) -> {
            String page = client.get("/thread").body().string();

            assertThat(page).contains("data-virtual=\"false\"").contains("platform-");
        });
    }

    @Test
    @DisplayName("bad query parameters answer 400 naming the parameter, before any call starts")
    void badParametersAre400() {
        JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
            assertBadRequest(client.get("/vthread_get_urls?deadline_ms=soon"), "Query parameter 'deadline_ms' must be a whole number");
            assertBadRequest(client.get("/vthread_get_urls?deadline_ms=5"), "Query parameter 'deadline_ms' must be from 10 to 10000 (ms)");
            assertBadRequest(client.get("/vthread_get_urls?max_in_flight=0"), "Query parameter 'max_in_flight' must be from 1 to 50");
            assertBadRequest(client.get("/vthread_get_urls?max_in_flight=lots"), "Query parameter 'max_in_flight' must be a whole number");
            assertBadRequest(client.get("/vthread_get_urls?set=everything"), "Query parameter 'set' must be 'pages' or 'faults'");
            assertThat(upstream.served()).as("no upstream call for a bad request").isZero();
        });
    }

    @Test
    @DisplayName("the home page and the 404 page list the routes")
    void homeAndNotFound() {
        JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
            assertThat(client.get("/").body().string()).contains("/vthread_get_urls", "/thread");

            Response missing = client.get("/nope");
            assertThat(missing.code()).isEqualTo(404);
            assertThat(missing.body().string()).contains("Nothing at", "/vthread_get_urls");
        });
    }

    private static void assertBadRequest(Response response, String message) throws Exception {
        assertThat(response.code()).isEqualTo(400);
        assertThat(response.body().string()).contains(message);
    }
}
