package dev.asyncjavalin.ch01;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.Lab;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.validation.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("exercise")
@DisplayName("1.2 /data validates ?delay_ms=")
class Exercise12DelayTest {

    /**
     * A route that answers with the delay {@code SlowData.delayFrom} read, without sleeping it: the
     * boundaries (3000 ms) are checked in milliseconds, and an unsolved stub fails at once.
     */
    private static Javalin delayProbe() {
        return Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.ch01.templates");
            config.routes.get("/delay", ctx -> ctx.result(SlowData.delayFrom(ctx).toMillis() + " ms"));
            config.routes.exception(ValidationException.class, Lab::badQueryParameter); // as App does
        });
    }

    @Test
    @DisplayName("/data?delay_ms=0 answers at once, and /data without it waits the default second (never a 500)")
    void theChaptersOwnPage() {
        JavalinTest.test(App.create(), (server, client) -> {
            var zero = client.get("/data?delay_ms=0");
            String zeroBody = zero.body().string();
            assertThat(zero.code()).as("Exercise 1.2: status of /data?delay_ms=0 (the app answered: %s)", oneLine(zeroBody)).isEqualTo(200);
            // the route reports the delay it used; the measured wait is left out, as it varies by machine
            assertThat(zeroBody).as("Exercise 1.2: /data?delay_ms=0 must not wait 1000 ms").contains("(delay_ms=0)");

            var absent = client.get("/data");
            String absentBody = absent.body().string();
            assertThat(absent.code())
                    .as("Exercise 1.2: /data without ?delay_ms= answered %s, not 200 (%s): absent means the default 1000 ms;"
                            + " Javalin runs check(...) on a missing value too, so handle null first", absent.code(), oneLine(absentBody))
                    .isEqualTo(200);
            assertThat(absentBody).as("Exercise 1.2: /data without ?delay_ms= must wait the default 1000 ms").contains("(delay_ms=1000)");
        });
    }

    @ParameterizedTest(name = "?delay_ms={0} waits {0} ms")
    @ValueSource(ints = {0, 1, 250, 2999, 3000})
    void usesDelaysFromZeroTo3000(int millis) {
        JavalinTest.test(delayProbe(), (server, client) -> {
            var response = client.get("/delay?delay_ms=" + millis);
            String body = response.body().string();
            assertThat(response.code())
                    .as("Exercise 1.2: ?delay_ms=%s is allowed (0 to 3000, both ends included), but the answer was %s: %s",
                            millis, response.code(), oneLine(body))
                    .isEqualTo(200);
            assertThat(body).as("Exercise 1.2: ?delay_ms=%s must wait %s ms (delay_ms is in milliseconds: Duration.ofMillis)", millis, millis)
                    .isEqualTo(millis + " ms");
        });
    }

    @ParameterizedTest(name = "?delay_ms={0} is a 400 saying ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "abc         | Query parameter 'delay_ms' must be a whole number, got 'abc'",
        "1.5         | Query parameter 'delay_ms' must be a whole number, got '1.5'",
        "99999999999 | Query parameter 'delay_ms' must be",
        "''          | Query parameter 'delay_ms' must be a whole number",
        "3001        | Query parameter 'delay_ms' must be from 0 to 3000, got '3001'",
        "-1          | Query parameter 'delay_ms' must be from 0 to 3000, got '-1'",
    })
    void rejectsBadDelays(String delay, String message) {
        JavalinTest.test(delayProbe(), (server, client) -> {
            var response = client.get("/delay?delay_ms=" + delay);
            String body = response.body().string();
            assertThat(response.code())
                    .as("Exercise 1.2: ?delay_ms=%s must be a 400 (only whole numbers from 0 to 3000 are allowed); the answer was %s: %s",
                            delay, response.code(), oneLine(body))
                    .isEqualTo(400);
            assertThat(body).as("Exercise 1.2: the 400 for ?delay_ms=%s must say what is wrong", delay).contains(message);
        });
    }

    @ParameterizedTest(name = "?delay_ms={0} is a 400 like abc, though Integer.parseInt takes it")
    @CsvSource(delimiter = '|', value = {
        "%2B5      | +5",
        "%EF%BC%95 | \uFF15",
    })
    void rejectsWhatOnlyParseIntTakes(String delay, String typed) {
        JavalinTest.test(delayProbe(), (server, client) -> {
            var response = client.get("/delay?delay_ms=" + delay);
            String body = response.body().string();
            assertThat(response.code())
                    .as("Exercise 1.2: ?delay_ms=%s answered %s (%s): Integer.parseInt takes a '+' and digits of other scripts,"
                            + " but a URL's number is ASCII digits; the app's queryParamAsClass(\"delay_ms\", Integer.class)"
                            + " is set up (by Lab.configure) to refuse them", typed, response.code(), oneLine(body))
                    .isEqualTo(400);
            assertThat(body).as("Exercise 1.2: the 400 for ?delay_ms=%s must say what is wrong", typed)
                    .contains("Query parameter 'delay_ms' must be a whole number, got '" + typed + "'");
        });
    }

    /** What the app answered, quoted in a failure message: one line; a long page is shortened, visibly. */
    private static String oneLine(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= 160 ? line : line.substring(0, 160) + " […]";
    }
}
