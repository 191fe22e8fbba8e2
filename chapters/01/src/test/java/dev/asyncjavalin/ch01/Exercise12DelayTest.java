package dev.asyncjavalin.ch01;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("1.2 /data validates ?delay_ms=")
class Exercise12DelayTest {

    @Test
    @DisplayName("?delay_ms=0 answers without waiting")
    void zeroDelay() {
        JavalinTest.test(App.create(), (server, client) -> {
            var response = client.get("/data?delay_ms=0");
            assertThat(response.code()).as("Exercise 1.2: status of /data?delay_ms=0").isEqualTo(200);
            // the route reports the delay it used; the measured wait is left out, as it varies by machine
            assertThat(response.body().string()).as("Exercise 1.2: /data?delay_ms=0 must not wait 1000 ms")
                    .contains("(delay_ms=0)");
        });
    }

    @ParameterizedTest(name = "?delay_ms={0} is a 400 saying ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "abc  | Query parameter 'delay_ms' must be a whole number, got 'abc'",
        "3001 | Query parameter 'delay_ms' must be from 0 to 3000",
        "-1   | Query parameter 'delay_ms' must be from 0 to 3000",
        "''   | Query parameter 'delay_ms' must be a whole number",
    })
    void rejectsBadDelays(String delay, String message) {
        JavalinTest.test(App.create(), (server, client) -> {
            var response = client.get("/data?delay_ms=" + delay);
            assertThat(response.code()).as("Exercise 1.2: status of /data?delay_ms=" + delay).isEqualTo(400);
            assertThat(response.body().string()).as("Exercise 1.2: message for ?delay_ms=" + delay).contains(message);
        });
    }
}
