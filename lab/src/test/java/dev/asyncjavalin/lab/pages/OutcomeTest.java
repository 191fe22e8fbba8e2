package dev.asyncjavalin.lab.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A failed row says what happened in words; the exception's class name stays out of the page. */
class OutcomeTest {

    @Test
    @DisplayName("the detail is the failure's message, without the exception's class name")
    void detailIsTheMessage() {
        assertThat(Outcome.detail(new InterruptedIOException("timeout"))).isEqualTo("timeout");
        assertThat(Outcome.detail(new SocketTimeoutException("Read timed out"))).isEqualTo("Read timed out");
        assertThat(Outcome.detail(new ProtocolException("unexpected end of stream"))).isEqualTo("unexpected end of stream");
    }

    @Test
    @DisplayName("no message: the outcome's label; a message of several lines: its first")
    void detailWithoutAMessage() {
        assertThat(Outcome.detail(new SocketTimeoutException())).isEqualTo("timeout");
        assertThat(Outcome.detail(new ConnectException(" "))).isEqualTo("unreachable");
        assertThat(Outcome.detail(new IOException("stream was reset\n  at the second line"))).isEqualTo("stream was reset");
    }

    @Test
    @DisplayName("a wrapped cause gives its message, not its toString()")
    void detailOfAWrappedCause() {
        assertThat(Outcome.detail(new IOException(new EOFException("source exhausted")))).isEqualTo("source exhausted");
        assertThat(Outcome.detail(new IOException(new EOFException()))).isEqualTo("connection lost");
    }

    @Test
    @DisplayName("PageClient's failed rows name no exception class")
    void pageClientRowsNameNoException() {
        try (SlowUpstream upstream = SlowUpstream.start(); PageClient pages = PageClient.create(64, 10)) {
            List<String> urls = List.of(upstream.faultUrls().get("nothing listening"), upstream.faultUrls().get("connection dropped"),
                    upstream.url("/hang"));
            Duration deadline = Duration.ofMillis(300);
            for (String url : urls) {
                for (PageResult row : List.of(pages.fetch(url, deadline).join(), pages.fetchBlocking(url, deadline))) {
                    assertThat(row.ok()).as(url).isFalse();
                    assertThat(row.detail()).as(url).isNotBlank().doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b");
                }
            }
        }
    }
}
