package dev.asyncjavalin.ch06;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A timeout test that does not wait for the real timeout: the deadline is a parameter, so the test
 * injects a short one. It asserts THAT the deadline ended the wait (a timeout row, a 200 page), never
 * how many milliseconds it took, so a slow machine cannot make it fail.
 */
class FastTimeoutTest {

    private final SlowUpstream upstream = SlowUpstream.start();

    @AfterEach
    void stopUpstream() {
        upstream.close(); // also releases the requests still held by /hang
    }

    // tag::injected[]
    @Test
    @DisplayName("?deadline_ms=50 turns a page that never answers into a timeout row, in a page that is still 200")
    void shortDeadlineEndsTheWait() {
        UpstreamUrls neverAnswers = UpstreamUrls.of(List.of(upstream.url("/hang"), upstream.url("/hang")));
        JavalinTest.test(App.create(neverAnswers), (server, client) -> {
            var response = client.get("/async_get_urls_v2?deadline_ms=50"); // the app's default would wait 2000 ms

            String html = response.body().string();
            assertThat(response.code()).isEqualTo(200);
            assertThat(ResultRows.statuses(html)).containsExactly("timeout", "timeout");
            assertThat(html).contains("no answer within the deadline of 50 ms");
        });
    }
    // end::injected[]

    @Test
    @DisplayName("the pages that answered before the deadline keep their rows (partial results)")
    void answeredPagesKeepTheirRows() {
        // /slow?ms=0 answers at once; 1000 ms is a generous bound for it, not a measurement
        UpstreamUrls mixed = UpstreamUrls.of(List.of(upstream.url("/slow?ms=0"), upstream.url("/hang")));
        JavalinTest.test(App.create(mixed), (server, client) -> {
            String html = client.get("/async_get_urls_v2?deadline_ms=1000").body().string();

            assertThat(ResultRows.statuses(html)).containsExactly("200", "timeout");
        });
    }
}
