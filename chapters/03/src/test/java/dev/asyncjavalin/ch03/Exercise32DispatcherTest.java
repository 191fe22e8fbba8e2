package dev.asyncjavalin.ch03;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("3.2 ten calls to one host run in one wave")
class Exercise32DispatcherTest {

    // tag::wave[]
    @Test
    @DisplayName("all 10 pages are in flight at once (a barrier of 10 answers them)")
    void tenCallsInOneWave() {
        // the barrier gives up (504) well before the app's 3 s call timeout would
        try (SlowUpstream upstream = SlowUpstream.builder().pages(10).barrier(10, Duration.ofSeconds(1)).start()) {
            JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
                String html = client.get("/async_get_urls_v1").body().string();

                assertThat(ResultRows.statuses(html)).as("Exercise 3.2: 504 means the barrier of 10 was never reached")
                        .hasSize(10).containsOnly("200");
                assertThat(upstream.maxInFlight()).as("Exercise 3.2: most calls in flight at once").isEqualTo(10);
            });
        }
    }
    // end::wave[]
}
