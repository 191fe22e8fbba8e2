package dev.asyncjavalin.ch08;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("8.4 Retry-After in whole seconds, rounded up")
class Exercise84RetryAfterTest {

    @Test
    @DisplayName("whole seconds stay as they are: 1 s is 1, 5 s is 5, 2 minutes are 120")
    void wholeSeconds() {
        assertThat(RetryAfter.seconds(Duration.ofSeconds(1))).as("Exercise 8.4: Retry-After for 1 s (it counts seconds,"
                + " not milliseconds)").isEqualTo(1);
        assertThat(RetryAfter.seconds(Duration.ofSeconds(5))).as("Exercise 8.4: Retry-After for 5 s (the job queue's wait;"
                + " a number of your own ignores the wait you were given)").isEqualTo(5);
        assertThat(RetryAfter.seconds(Duration.ofMinutes(2))).as("Exercise 8.4: Retry-After for 2 minutes").isEqualTo(120);
    }

    @Test
    @DisplayName("a part of a second rounds up: 1.5 s is 2, 1.2 s is 2, 2 s and 1 ns is 3")
    void partsOfASecondRoundUp() {
        assertThat(RetryAfter.seconds(Duration.ofMillis(1500))).as("Exercise 8.4: Retry-After for 1.5 s: rounded down, the"
                + " client comes back before there is room (toSeconds() drops the part of a second)").isEqualTo(2);
        assertThat(RetryAfter.seconds(Duration.ofMillis(1200))).as("Exercise 8.4: Retry-After for 1.2 s: round up, not to the"
                + " nearest second").isEqualTo(2);
        assertThat(RetryAfter.seconds(Duration.ofSeconds(2, 1))).as("Exercise 8.4: Retry-After for 2 s and 1 ns: any part"
                + " of a second rounds up").isEqualTo(3);
    }

    @Test
    @DisplayName("less than a second, no wait or a negative one is still 1: 0 would invite a retry at once")
    void neverBelowOne() {
        assertThat(RetryAfter.seconds(Duration.ofMillis(400))).as("Exercise 8.4: Retry-After for 0.4 s: rounded down it is"
                + " 0, a retry at once").isEqualTo(1);
        assertThat(RetryAfter.seconds(Duration.ZERO)).as("Exercise 8.4: Retry-After for no wait at all: at least 1, or the"
                + " refused client asks again at once").isEqualTo(1);
        assertThat(RetryAfter.seconds(Duration.ofSeconds(-3))).as("Exercise 8.4: Retry-After for a negative wait: at least 1")
                .isEqualTo(1);
    }
}
