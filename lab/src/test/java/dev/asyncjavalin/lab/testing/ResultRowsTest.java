package dev.asyncjavalin.lab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResultRowsTest {

    private static String row(String status) {
        return "<tr class=\"result\" data-url=\"http://upstream/recipes/1\" data-status=\"" + status + "\">";
    }

    @Test
    @DisplayName("a page counts as all ok only when it has rows and every one is a 200")
    void allOk() {
        assertThat(ResultRows.allOk(row("200") + row("200"))).isTrue();
        assertThat(ResultRows.allOk(row("200") + row("timeout"))).isFalse();
        assertThat(ResultRows.allOk("<p>no rows at all</p>")).as("an error page has no rows").isFalse();
    }
}
