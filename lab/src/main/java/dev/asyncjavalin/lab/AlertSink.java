package dev.asyncjavalin.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * "The team chat", on loopback: a webhook receiver that keeps every alert posted to it, so a
 * chapter app has somewhere to send alerts while offline, and the learner can watch them arrive.
 *
 * <pre>
 *   POST /alerts   records the request body, answers 204
 *   GET  /         every alert received so far, newest last (plain text)
 * </pre>
 */
public final class AlertSink implements AutoCloseable {

    /** A chat service keeps a message short; so does this one, and a runaway body cannot fill memory. */
    static final int MAX_ALERT_BYTES = 16 * 1024;

    private final HttpServer server;
    private final ExecutorService workers;
    private final List<String> alerts = new ArrayList<>();

    private AlertSink(int port) throws IOException {
        this.workers = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "alert-sink");
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(workers);
        server.createContext("/", this::route);
        server.start();
    }

    /** Starts on a free loopback port. */
    public static AlertSink start() {
        return start(0);
    }

    public static AlertSink start(int port) {
        try {
            return new AlertSink(port);
        } catch (IOException e) {
            throw new UncheckedIOException("AlertSink could not listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Where to POST alerts. */
    public String webhookUrl() {
        return baseUrl() + "/alerts";
    }

    /** Where to read them. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The bodies received so far, oldest first. */
    public synchronized List<String> alerts() {
        return List.copyOf(alerts);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("POST") && path.equals("/alerts")) {
                byte[] body = exchange.getRequestBody().readNBytes(MAX_ALERT_BYTES);
                String stamped = LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + new String(body, StandardCharsets.UTF_8);
                synchronized (this) {
                    alerts.add(stamped);
                }
                exchange.sendResponseHeaders(204, -1);
            } else if (method.equals("GET") && path.equals("/")) {
                respond(exchange, 200, listing());
            } else {
                respond(exchange, 404, "POST alerts to /alerts, read them at /\n");
            }
        }
    }

    private String listing() {
        List<String> received = alerts();
        StringBuilder text = new StringBuilder("AlertSink: ").append(received.size()).append(" alert(s) received\n\n");
        received.forEach(alert -> text.append(alert).append('\n'));
        return text.toString();
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        // route() closes the exchange; closing this stream first would leak the socket of a client
        // that left mid-answer (see SlowUpstream.finish)
        exchange.getResponseBody().write(bytes);
    }
}
