package dev.asyncjavalin.lab.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PageResultTest {

    private static final PageResult OK = new PageResult("http://upstream/1", Outcome.OK, 200, "Soup", "", Duration.ofMillis(5));
    private static final PageResult TIMED_OUT = PageResult.failed("http://upstream/2", Outcome.TIMEOUT, "timeout", Duration.ofSeconds(1));

    @Test
    @DisplayName("a benchmark's results pass through when every call succeeded, and stop it with a count when one failed")
    void requireAllOk() {
        assertThat(PageResult.requireAllOk(List.of(OK, OK))).containsExactly(OK, OK);
        assertThatThrownBy(() -> PageResult.requireAllOk(List.of(OK, TIMED_OUT, OK)))
                .isInstanceOf(IllegalStateException.class).hasMessage("1 of 3 calls failed; the numbers would mean nothing");
    }
}
