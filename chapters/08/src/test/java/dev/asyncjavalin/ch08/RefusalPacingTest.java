package dev.asyncjavalin.ch08;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A client that asks again the moment it is refused gets its next refusal only once its
 * {@code Retry-After} has passed. The pool is held full by the test ({@link HeldWork}), so every
 * request here is refused; the only clock read is a lower bound the pacer must respect.
 */
class RefusalPacingTest {

    // HTTP/1.1: one connection per request in flight, so the held requests really fill the pool
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    @DisplayName("on one connection, a refusal asked for again at once arrives no sooner than Retry-After after the first")
    void impatientClientWaitsAnyway() {
        HeldWork work = new HeldWork();
        JavalinTest.test(App.create(Settings.defaults().withCpuPool(1, 1).withWork(work)), (server, client) -> {
            List<CompletableFuture<HttpResponse<String>>> held;
            try {
                CompletableFuture<HttpResponse<String>> computing = hashAsync(server.port());
                work.awaitStarted(1);
                held = List.of(computing, hashAsync(server.port()));
                // the second request reaches the queue on its own time: ask until it is there (no clock involved)
                for (int asked = 0; asked < 10_000 && !client.get("/cpu_pool").body().string().contains("1 of 1 queue slots taken"); asked++) {
                    Thread.onSpinWait();
                }
                assertThat(client.get("/cpu_pool").body().string()).as("the thread and the queue slot are taken").contains("1 busy; 1 of 1");

                try (ImpatientClient impatient = new ImpatientClient(server.port())) {
                    long firstSent = System.nanoTime();
                    int first = impatient.hashAsync();
                    assertThat(client.get("/cpu_pool").body().string()).contains("0 refusals held back");
                    int second = impatient.hashAsync(); // at once, ignoring Retry-After
                    long secondAnswered = System.nanoTime();

                    assertThat(List.of(first, second)).as("both found the pool full").doesNotContain(200);
                    assertThat(Duration.ofNanos(secondAnswered - firstSent)).as("from the first request to the second refusal")
                            .isGreaterThanOrEqualTo(CpuPool.RETRY_AFTER);
                    assertThat(client.get("/cpu_pool").body().string()).contains("1 refusals held back");
                }
            } finally {
                work.allowAll();
            }
            assertThat(held).allSatisfy(request -> assertThat(request.join().statusCode()).isEqualTo(200));
        });
    }

    private CompletableFuture<HttpResponse<String>> hashAsync(int port) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/hash_async")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** One keep-alive connection, one request after another, as a load tool sends them. */
    private static final class ImpatientClient implements AutoCloseable {

        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        ImpatientClient(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(10_000); // only against a hang
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
        }

        /** Sends GET /hash_async and reads the whole answer; returns its status. */
        int hashAsync() throws IOException {
            out.write("GET /hash_async HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int status = Integer.parseInt(in.readLine().substring(9, 12));
            int length = 0;
            for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
                if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
            }
            for (long left = length; left > 0; ) { // ISO-8859-1: one char per byte
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    throw new IOException("the connection closed inside a body");
                }
                left -= skipped;
            }
            return status;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
