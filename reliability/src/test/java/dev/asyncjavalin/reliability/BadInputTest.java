package dev.asyncjavalin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BadInputTest {

    private static final BadInput.Parameter NUMBER =
            new BadInput.Parameter("04", "GET", "/async_get_urls_v2", "deadline_ms", BadInput.Place.QUERY, true, List.of());
    private static final BadInput.Parameter TEXT =
            new BadInput.Parameter("01", "GET", "/hello", "name", BadInput.Place.QUERY, false, List.of());

    private static RawHttp.Answer answer(String raw) {
        return RawHttp.parse(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a 400 that says what was wrong is right")
    void clearRefusal() {
        var verdict = BadInput.judge(NUMBER, "negative", answer("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\n\r\n"
                + "Query parameter 'deadline_ms' must be from 10 to 3000 (ms), got '-1'"));

        assertThat(verdict.wrong()).isFalse();
    }

    @Test
    @DisplayName("a 500, no answer at all, or an exception name are wrong; a 503 with Retry-After is backpressure, not a failure")
    void serverErrors() {
        assertThat(BadInput.judge(TEXT, "empty", answer("HTTP/1.1 500 Server Error\r\n\r\n")).serverError()).isTrue();
        assertThat(BadInput.judge(TEXT, "empty", RawHttp.Answer.none("reset")).serverError()).isTrue();
        assertThat(BadInput.judge(TEXT, "empty", answer("HTTP/1.1 503 Busy\r\nRetry-After: 1\r\n\r\nbusy")).serverError()).isFalse();
        assertThat(BadInput.judge(TEXT, "empty", answer("HTTP/1.1 400 Bad\r\n\r\njava.lang.NumberFormatException: x")).internals())
                .isEqualTo("java.lang.NumberFormatException");
    }

    @Test
    @DisplayName("a number parameter taking a bad value with 2xx is wrong, except the first of two repeated values")
    void acceptedNumbers() {
        RawHttp.Answer ok = answer("HTTP/1.1 200 OK\r\n\r\npage");

        assertThat(BadInput.judge(NUMBER, "+5 (a literal plus)", ok).acceptedBadNumber()).isTrue();
        assertThat(BadInput.judge(NUMBER, BadInput.REPEATED, ok).acceptedBadNumber()).isFalse();
        assertThat(BadInput.judge(TEXT, "+5 (a literal plus)", ok).acceptedBadNumber()).isFalse();
    }

    @Test
    @DisplayName("markup repeated in an HTML answer is wrong; in a text/plain answer it is only text")
    void reflectedMarkup() {
        String echo = "got '<script>alert(1)</script>'";

        assertThat(BadInput.judge(TEXT, "markup", answer("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + echo)).reflectedMarkup()).isTrue();
        assertThat(BadInput.judge(TEXT, "markup", answer("HTTP/1.1 400 Bad\r\nContent-Type: text/plain\r\n\r\n" + echo)).reflectedMarkup()).isFalse();
    }

    @Test
    @DisplayName("a value goes in the query as it is, or in place of the path parameter; other path parameters get 1")
    void targets() {
        var page = new BadInput.Parameter("05", "GET", "/recipe/{page}", "page", BadInput.Place.PATH, true, List.of());
        var set = new BadInput.Parameter("05", "GET", "/recipe/{page}", "set", BadInput.Place.QUERY, false, List.of());

        assertThat(page.target("%zz")).isEqualTo("/recipe/%zz");
        assertThat(set.target("%")).isEqualTo("/recipe/1?set=%");
        assertThat(set.target("5&{param}=abc")).isEqualTo("/recipe/1?set=5&set=abc");
    }
}
