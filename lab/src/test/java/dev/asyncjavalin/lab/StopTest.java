package dev.asyncjavalin.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A stop closes idle connections at once, lets requests in flight finish whole, and refuses new ones. */
class StopTest {

    @Test
    @DisplayName("a stopping app waits for its in-flight requests, sync and async, and keeps their connections' idle timeout")
    void inFlightRequestsFinish() throws Exception {
        CountDownLatch bothArrived = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> asyncAnswer = new CompletableFuture<>();
        Javalin app = Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.lab.templates");
            config.routes.get("/quick", ctx -> ctx.result("q"));
            config.routes.get("/sync", ctx -> {
                bothArrived.countDown();
                release.await();
                ctx.result("sync done");
            });
            config.routes.get("/async", ctx -> {
                bothArrived.countDown();
                ctx.future(() -> asyncAnswer.thenAccept(ctx::result));
            });
        }).start(0);
        AbstractConnector connector = (AbstractConnector) app.jettyServer().server().getConnectors()[0];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var sync = http.sendAsync(get(app, "/sync"), HttpResponse.BodyHandlers.ofString());
        var async = http.sendAsync(get(app, "/async"), HttpResponse.BodyHandlers.ofString());
        assertThat(bothArrived.await(5, TimeUnit.SECONDS)).isTrue();

        try (RawConnection idle = RawConnection.open(app)) {
            assertThat(idle.get("/quick").body()).isEqualTo("q");
            Thread stopping = new Thread(app::stop, "stopping");
            stopping.start();
            // the server closing the idle connection is the event that says the stop has dealt with idle ones
            assertThat(idle.awaitClosedByServer()).isTrue();
            idle.close();
            // the two connections with a request in flight kept their timeout; the idle one may still be
            // listed for a moment, closing, and a closing endpoint may already have lost its address
            assertThat(connector.getConnectedEndPoints().stream()
                    .filter(endPoint -> endPoint.getRemoteSocketAddress() instanceof InetSocketAddress remote && remote.getPort() != idle.localPort()))
                    .as("connections with a request in flight").hasSize(2)
                    .allSatisfy(endPoint -> assertThat(endPoint.getIdleTimeout()).isGreaterThanOrEqualTo(connector.getIdleTimeout()));
            release.countDown();
            asyncAnswer.complete("async done");
            stopping.join();
        }

        assertThat(sync.get(5, TimeUnit.SECONDS).body()).isEqualTo("sync done");
        assertThat(async.get(5, TimeUnit.SECONDS).body()).isEqualTo("async done");
    }

    @Test
    @DisplayName("a stop closes an idle keep-alive connection at once, and leaves Jetty's own idle shortening off")
    void idleConnectionsCloseAtOnce() throws Exception {
        Javalin app = Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.lab.templates");
            config.routes.get("/quick", ctx -> ctx.result("q"));
        }).start(0);
        assertThat(app.jettyServer().server().getConnectors())
                .isNotEmpty()
                .allSatisfy(connector -> assertThat(((AbstractConnector) connector).getShutdownIdleTimeout()).isNegative());
        try (RawConnection idle = RawConnection.open(app)) {
            assertThat(idle.get("/quick").body()).isEqualTo("q");
            Thread stopping = new Thread(app::stop, "stopping");
            stopping.start();
            assertThat(idle.awaitClosedByServer()).as("the server closed the idle connection").isTrue();
            idle.close(); // as a client does on seeing the end: the server waits for it before it lets the connection go
            stopping.join();
        }
    }

    @Test
    @DisplayName("an answer written during a stop is whole: a connection whose request waited keeps its idle timeout")
    void answerWrittenDuringTheStopIsWhole() throws Exception {
        byte[] page = new byte[4 << 20]; // more than the socket buffers hold: the write waits for the client to read
        Arrays.fill(page, (byte) 'x');
        CountDownLatch arrived = new CountDownLatch(1);
        CompletableFuture<String> release = new CompletableFuture<>();
        Javalin app = Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.lab.templates");
            config.routes.get("/quick", ctx -> ctx.result("q"));
            config.routes.get("/held", ctx -> {
                arrived.countDown();
                ctx.future(() -> release.thenAccept(ignored -> ctx.result(page)));
            });
        }).start(0);
        AbstractConnector connector = (AbstractConnector) app.jettyServer().server().getConnectors()[0];
        try (RawConnection held = RawConnection.open(app); RawConnection idle = RawConnection.open(app)) {
            held.send("/held");
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(idle.get("/quick").body()).isEqualTo("q");

            Thread stopping = new Thread(app::stop, "stopping");
            stopping.start();
            // the idle connection closed by the server: the stop has begun and has dealt with idle connections
            assertThat(idle.awaitClosedByServer()).isTrue();
            idle.close();
            // the held request has had no I/O since it arrived; a short idle timeout would fail its answer
            // as soon as the write has to wait for the client (one run in ten on a loaded machine)
            EndPoint heldEndPoint = connector.getConnectedEndPoints().stream()
                    .filter(endPoint -> endPoint.getRemoteSocketAddress() instanceof InetSocketAddress remote && remote.getPort() == held.localPort())
                    .findFirst().orElseThrow();
            assertThat(heldEndPoint.getIdleTimeout()).as("idle timeout (ms) of the connection with a request in flight")
                    .isGreaterThanOrEqualTo(connector.getIdleTimeout());

            new Thread(() -> release.complete("go"), "upstream").start(); // the page is written on that thread, while this one reads
            RawConnection.Answer answer = held.read();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.headers()).containsIgnoringCase("connection: close");
            assertThat(answer.body().length()).as("body bytes received").isEqualTo(page.length);
            stopping.join();
        }
    }

    @Test
    @DisplayName("a request that arrives once the stop has begun gets a 503 that says so, and Connection: close")
    void requestDuringTheStopIsRefused() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        Javalin app = Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.lab.templates");
            config.routes.get("/quick", ctx -> ctx.result("q " + handled.incrementAndGet()));
        }).start(0);
        try {
            // the stop's first step alone, so that the connector still accepts the request
            app.jettyServer().server().getDescendant(GracefulStop.class).shutdown();
            try (RawConnection late = RawConnection.open(app)) {
                RawConnection.Answer answer = late.get("/quick");
                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.headers()).containsIgnoringCase("connection: close");
                assertThat(answer.body()).contains("The server is stopping");
            }
            assertThat(handled).as("requests the app started").hasValue(0);
        } finally {
            app.stop();
        }
    }

    private static HttpRequest get(Javalin app, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build();
    }
}
