package dev.asyncjavalin.ch04;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.UpstreamUrls;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What happens to a page's calls when its client leaves. Jetty does not read from an HTTP/1.1
 * connection while a request on it is being handled, so it does not see the client's close, and
 * nothing tells the app: the calls go on until the page's deadline cancels them. This test pins
 * that down, with an upstream that never answers and notices when the app closes the call.
 */
class ClientGoneTest {

    /** Only against a hang: every wait below ends as soon as what it waits for has happened. */
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int DEADLINE_MS = 500;

    // tag::clientGone[]
    @Test
    @DisplayName("a client that leaves does not end its page's call; the page's deadline does, and closes the connection")
    void callEndsAtTheDeadlineNotWhenTheClientLeaves() throws Exception {
        try (SilentUpstream upstream = new SilentUpstream()) {
            Javalin app = App.create(UpstreamUrls.of(List.of(upstream.url()))).start(0);
            try {
                long sent = System.nanoTime();
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), app.port())) {
                    client.getOutputStream().write(("GET /async_get_urls_v2?deadline_ms=" + DEADLINE_MS
                            + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    assertThat(upstream.called.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the page's call reached the upstream").isTrue();
                } // the client leaves here, before any answer

                long callClosed = upstream.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);

                // Exercise 4.1's deadline (or, before it is solved, the call's own 3 s timeout) ended the call:
                // not one moment of it was saved by the client leaving
                assertThat(Duration.ofNanos(callClosed - sent)).isGreaterThanOrEqualTo(App.forTheCalls(Duration.ofMillis(DEADLINE_MS)));
            } finally {
                app.stop();
            }
        }
    }
    // end::clientGone[]

    /** Takes one call, never answers, and records when the caller closes the connection. */
    private static final class SilentUpstream implements AutoCloseable {

        final CompletableFuture<Boolean> called = new CompletableFuture<>();
        final CompletableFuture<Long> closed = new CompletableFuture<>();
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final Thread thread = new Thread(this::serveOne, "silent-upstream");

        SilentUpstream() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/page";
        }

        private void serveOne() {
            try (Socket call = server.accept()) {
                InputStream in = call.getInputStream();
                called.complete(true); // the request has arrived (its bytes are read below)
                // the request ends with an empty line; after it, read() only returns at the caller's close
                while (in.read() >= 0) {
                    // skip the request itself
                }
                closed.complete(System.nanoTime());
            } catch (IOException e) {
                closed.complete(System.nanoTime()); // a reset is a close too
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            thread.interrupt();
        }
    }
}
