package dev.asyncjavalin.ch07;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.PageResult;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * OkHttp reports a timeout as an {@code InterruptedIOException}, and {@code Outcome.of} was written
 * for that; the JDK's client reports one as an {@code HttpTimeoutException}, a plain IOException.
 * A page that never answers must still be a timeout row, whichever way its failure arrives.
 */
@Tag("exercise")
@DisplayName("7.4 a JDK timeout is a timeout row")
class Exercise74TimeoutRowTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);
    private static final String URL = "http://127.0.0.1:9/page";
    private final HttpClient client = AsyncPageCall.newClient();

    @AfterEach
    void stop() {
        client.shutdownNow();
    }

    // tag::requestTimeout[]
    @Test
    @DisplayName("a page that does not answer within its 200 ms is a timeout row that names the 200 ms")
    void aRequestTimeoutIsATimeoutRow() throws Exception {
        try (SlowUpstream upstream = SlowUpstream.start()) {
            String hang = upstream.url("/hang");
            long started = System.nanoTime();

            PageResult row = AsyncPageCall.fetch(client, hang, TIMEOUT)
                    .exceptionally(failure -> AsyncPageCall.failed(hang, failure, TIMEOUT, started))
                    .get(10, TimeUnit.SECONDS);

            assertTimeoutRow(row);
        }
    }
    // end::requestTimeout[]

    @Test
    @DisplayName("a connect timeout is a timeout row too")
    void aConnectTimeoutIsATimeoutRow() {
        assertTimeoutRow(AsyncPageCall.failed(URL, new HttpConnectTimeoutException("HTTP connect timed out"), TIMEOUT,
                System.nanoTime()));
    }

    @Test
    @DisplayName("a timeout that reaches a later stage wrapped in a CompletionException is a timeout row too")
    void aWrappedTimeoutIsATimeoutRow() {
        assertTimeoutRow(AsyncPageCall.failed(URL, new CompletionException(new HttpTimeoutException("request timed out")),
                TIMEOUT, System.nanoTime()));
    }

    private static void assertTimeoutRow(PageResult row) {
        assertThat(row.status()).as("Exercise 7.4: the row of a call that timed out (the JDK's HttpTimeoutException is a"
                + " plain IOException, not an InterruptedIOException as OkHttp's are, so Outcome.of calls it connection lost)")
                .isEqualTo("timeout");
        assertThat(row.detail()).as("Exercise 7.4: the detail names the call's own timeout, in the words of the other rows,"
                + " not the exception's message").isEqualTo("no answer within 200 ms");
    }
}
