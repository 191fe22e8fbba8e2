package dev.asyncjavalin.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a new connection costs on the real internet, on loopback: a TCP proxy in front of an
 * upstream that holds every new connection for a fixed time before its first byte reaches the
 * upstream. The time stands for the DNS lookup and the TCP and TLS handshakes a client pays once
 * per connection. A client that keeps its connections in a pool pays it once per connection it
 * opens; a client that opens a connection per call (Python's {@code requests.get}) pays it on
 * every call. That difference, not overlap, is how a speed-up can exceed the number of calls.
 *
 * <pre>
 *   try (ConnectionCost internet = ConnectionCost.start(upstream.baseUrl(), Duration.ofMillis(250))) {
 *       internet.url("/recipes/1") ...
 *   }
 * </pre>
 */
public final class ConnectionCost implements AutoCloseable {

    private final URI upstream;
    private final Duration cost;
    private final ServerSocket listener;
    private final ScheduledExecutorService handshakes;
    private final ExecutorService pumps;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger opened = new AtomicInteger();

    private ConnectionCost(URI upstream, Duration cost) throws IOException {
        this.upstream = upstream;
        this.cost = cost;
        this.listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        this.handshakes = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("connection-cost-timer"));
        this.pumps = Executors.newCachedThreadPool(DaemonThreads.named("connection-cost-pump"));
        pumps.execute(this::acceptLoop);
    }

    /** A proxy on a free loopback port for {@code upstreamBaseUrl} (e.g. {@code http://127.0.0.1:8080}). */
    public static ConnectionCost start(String upstreamBaseUrl, Duration costPerConnection) {
        if (costPerConnection.isNegative()) {
            throw new IllegalArgumentException("a connection cannot cost less than nothing: " + costPerConnection);
        }
        try {
            return new ConnectionCost(URI.create(upstreamBaseUrl), costPerConnection);
        } catch (IOException e) {
            throw new UncheckedIOException("the connection-cost proxy could not listen: " + e.getMessage(), e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** {@code path} on the upstream, through this proxy. */
    public String url(String path) {
        return baseUrl() + path;
    }

    /** The same URL through this proxy: only the host and port change. */
    public String via(String upstreamUrl) {
        URI original = URI.create(upstreamUrl);
        return baseUrl() + original.getRawPath() + (original.getRawQuery() == null ? "" : "?" + original.getRawQuery());
    }

    public Duration cost() {
        return cost;
    }

    /** Connections clients have opened through this proxy so far: each one paid {@link #cost()}. */
    public int connectionsOpened() {
        return opened.get();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(ConnectionCost::closeQuietly);
        handshakes.shutdownNow();
        pumps.shutdownNow();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                opened.incrementAndGet();
                open.add(client);
                // the handshake is a wait, not work: scheduled, so no thread is held for it
                handshakes.schedule(() -> pumps.execute(() -> connect(client)), cost.toNanos(), TimeUnit.NANOSECONDS);
            } catch (IOException closed) {
                return; // close() closed the listener
            }
        }
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        open.add(server);
        try {
            server.connect(new InetSocketAddress(upstream.getHost(), upstream.getPort()));
            server.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            AtomicInteger directionsLeft = new AtomicInteger(2);
            pumps.execute(() -> pump(server, client, directionsLeft));
            pump(client, server, directionsLeft);
        } catch (IOException | RejectedExecutionException e) {
            closeBoth(client, server);
        }
    }

    /**
     * Copies bytes one way until the sender has said all it will (end of stream), then passes that
     * on; the connection closes once both ways are done, or at once when either side breaks off.
     */
    private void pump(Socket from, Socket to, AtomicInteger directionsLeft) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
            }
            to.shutdownOutput();
            if (directionsLeft.decrementAndGet() == 0) {
                closeBoth(from, to);
            }
        } catch (IOException brokenOff) {
            closeBoth(from, to);
        }
    }

    private void closeBoth(Socket one, Socket other) {
        closeQuietly(one);
        closeQuietly(other);
        open.remove(one);
        open.remove(other);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do with it
        }
    }
}
