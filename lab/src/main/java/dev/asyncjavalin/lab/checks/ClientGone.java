package dev.asyncjavalin.lab.checks;

import io.javalin.Javalin;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Request;

/**
 * Does a Javalin 7 app on Jetty 12 learn that the client of an async request has left? A route
 * holds its {@code ctx.future} open and listens everywhere a departure could show: the servlet's
 * {@code AsyncListener}, Jetty's request failure listener, the connection's {@code onClosed}. A
 * client sends the request and closes its socket; the check prints what fired while the request
 * was held, and what fired once the app wrote its answer. Bounded: about two seconds.
 *
 * <pre>mvn -pl lab exec:java -Dcourse.mainClass=dev.asyncjavalin.lab.checks.ClientGone</pre>
 */
public final class ClientGone {

    private static final Duration HELD_AFTER_CLOSE = Duration.ofSeconds(1);

    private ClientGone() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        List<String> heard = new CopyOnWriteArrayList<>();
        CompletableFuture<String> answer = new CompletableFuture<>();
        CompletableFuture<Void> arrived = new CompletableFuture<>();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.routes.get("/held", ctx -> {
                Request request = ServletContextRequest.getServletContextRequest(ctx.req());
                request.addFailureListener(failure -> heard.add("Jetty request failure listener: " + failure));
                request.getConnectionMetaData().getConnection().addEventListener(new Connection.Listener() {
                    @Override
                    public void onClosed(Connection connection) {
                        heard.add("Jetty connection onClosed");
                    }
                });
                ctx.future(() -> {
                    ctx.req().getAsyncContext().addListener(new AsyncListener() {
                        @Override
                        public void onComplete(AsyncEvent event) {
                            heard.add("servlet AsyncListener.onComplete");
                        }

                        @Override
                        public void onTimeout(AsyncEvent event) {
                            heard.add("servlet AsyncListener.onTimeout");
                        }

                        @Override
                        public void onError(AsyncEvent event) {
                            heard.add("servlet AsyncListener.onError: " + event.getThrowable());
                        }

                        @Override
                        public void onStartAsync(AsyncEvent event) {
                            // not a departure
                        }
                    });
                    arrived.complete(null);
                    return answer.thenAccept(ctx::result);
                });
            });
        }).start(InetAddress.getLoopbackAddress().getHostAddress(), 0);
        try {
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), app.port())) {
                client.getOutputStream().write("GET /held HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                arrived.join();
            } // the client leaves
            Thread.sleep(HELD_AFTER_CLOSE.toMillis()); // a chance for any signal to arrive; nothing here depends on it
            System.out.println("Heard in the " + HELD_AFTER_CLOSE.toMillis() + " ms after the client closed its socket: "
                    + (heard.isEmpty() ? "nothing" : String.join("; ", heard)));
            int before = heard.size();
            answer.complete("too late\n");
            Thread.sleep(HELD_AFTER_CLOSE.toMillis());
            List<String> after = heard.subList(before, heard.size());
            System.out.println("Heard once the app wrote its answer: " + (after.isEmpty() ? "nothing" : String.join("; ", after)));
        } finally {
            app.stop();
        }
    }
}
