package dev.asyncjavalin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RawHttpTest {

    private static RawHttp.Answer parse(String raw) {
        return RawHttp.parse(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("status, headers in any letter case, and a UTF-8 body")
    void plainAnswer() {
        RawHttp.Answer answer = parse("HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain\r\nContent-Length: 8\r\n\r\nbad é!");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("text/plain");
        assertThat(answer.header("Retry-After")).isNull();
        assertThat(answer.body()).isEqualTo("bad é!");
    }

    @Test
    @DisplayName("a chunked body is put back together")
    void chunked() {
        RawHttp.Answer answer = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n");

        assertThat(answer.body()).isEqualTo("hello, world");
    }

    @Test
    @DisplayName("no answer, or not HTTP: status 0 and a reason, never an exception")
    void noAnswer() {
        assertThat(parse("").status()).isZero();
        assertThat(parse("").failure()).contains("without an answer");
        assertThat(parse("SSH-2.0-OpenSSH\r\n\r\n").failure()).isEqualTo("not an HTTP answer");
        assertThat(parse("HTTP/1.1 abc\r\n\r\n").failure()).contains("bad status line");
    }
}
