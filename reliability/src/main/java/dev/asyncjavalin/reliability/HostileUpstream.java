package dev.asyncjavalin.reliability;

import dev.asyncjavalin.lab.DaemonThreads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * An upstream that does everything a real server on the internet might do wrong, on a bare
 * {@link ServerSocket} so that it can break HTTP itself: never answer, stop half way, drip, send
 * far too much, lie about lengths, reset, send garbage, redirect elsewhere. Loopback only; every
 * connection is closed by {@link #close()}, and every loop ends after a bounded number of bytes.
 */
final class HostileUpstream implements AutoCloseable {

    /** At most this many connections at once; more are closed at once (a bounded test, not a server). */
    private static final int MAX_CONNECTIONS = 512;
    private static final int MAX_REQUEST_HEAD = 64 * 1024;
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    private final ServerSocket server;
    private final int offHostPort;
    private final ExecutorService connections = Executors.newCachedThreadPool(DaemonThreads.named("hostile-upstream"));
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean closed;
    private final byte[] gzipBomb;

    /** {@code offHostPort}: where its redirects point, a port no client was configured with. */
    HostileUpstream(int offHostPort) {
        this.offHostPort = offHostPort;
        try {
            this.server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            this.gzipBomb = gzipBomb(); // made now: compressing 64 MiB takes a while, and must not count as the upstream being slow
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = DaemonThreads.named("hostile-upstream-accept").newThread(this::acceptUntilClosed);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Every fault, by name, with its URL; each must end as a row with a status within the caller's deadline. */
    Map<String, String> faults() {
        Map<String, String> faults = new LinkedHashMap<>();
        faults.put("never answers", url("/hang"));
        faults.put("closes without answering", url("/close"));
        faults.put("connection reset", url("/reset"));
        faults.put("stalls mid-body", url("/stall"));
        faults.put("drips the body, a byte per 50 ms", url("/drip"));
        faults.put("drips the headers, a byte per 50 ms", url("/drip-headers"));
        faults.put("50 MB body", url("/huge"));
        faults.put("50 MB chunked body", url("/huge-chunked"));
        faults.put("1 MiB header", url("/huge-header"));
        faults.put("100,000 headers", url("/many-headers"));
        faults.put("gzip bomb (64 MiB from 64 KiB)", url("/gzip-bomb"));
        faults.put("Content-Length longer than the body", url("/short-body"));
        faults.put("broken chunk size", url("/bad-chunk"));
        faults.put("HTTP 500", url("/error"));
        faults.put("status 999", url("/status-999"));
        faults.put("garbage instead of HTTP", url("/garbage"));
        faults.put("invalid UTF-8 in the title", url("/bad-utf8"));
        faults.put("script in title", url("/script"));
        return faults;
    }

    /** Redirects, each to a host or port nobody configured; following any of them reaches {@code offHostPort}. */
    Map<String, String> redirects() {
        Map<String, String> redirects = new LinkedHashMap<>();
        for (int status : new int[] {301, 302, 303, 307, 308}) {
            redirects.put(status + " to another port", url("/redirect/" + status + "/port"));
            redirects.put(status + " to another host name", url("/redirect/" + status + "/host"));
        }
        return redirects;
    }

    /** Requests received so far (the request line read). */
    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(HostileUpstream::closeQuietly);
        connections.shutdownNow();
    }

    private void acceptUntilClosed() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (!slots.tryAcquire()) {
                closeQuietly(socket);
                continue;
            }
            open.add(socket);
            try {
                connections.execute(() -> {
                    try {
                        serve(socket);
                    } finally {
                        open.remove(socket);
                        closeQuietly(socket);
                        slots.release();
                    }
                });
            } catch (RuntimeException rejected) {
                open.remove(socket);
                closeQuietly(socket);
                slots.release();
            }
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setSoTimeout(10_000);
            String path = readRequestPath(socket.getInputStream());
            if (path == null) {
                return;
            }
            requests.incrementAndGet();
            OutputStream out = socket.getOutputStream();
            answer(socket, path, out);
            out.flush();
        } catch (IOException clientLeft) {
            // the client gave up, as it should with most of these
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(Socket socket, String path, OutputStream out) throws IOException, InterruptedException {
        if (path.startsWith("/redirect/")) {
            String[] parts = path.split("/"); // "", "redirect", status, kind
            String host = parts.length > 3 && parts[3].equals("host") ? "localhost" : "127.0.0.1";
            write(out, "HTTP/1.1 " + parts[2] + " Moved\r\nLocation: http://" + host + ":" + offHostPort + "/stolen\r\n"
                    + "Content-Length: 0\r\n\r\n");
            return;
        }
        switch (path) {
            case "/hang" -> holdUntilClosed();
            case "/close" -> { /* the finally block closes it: EOF before any answer */ }
            case "/reset" -> {
                socket.setSoLinger(true, 0); // close() now sends RST instead of FIN
                socket.close();
            }
            case "/stall" -> {
                write(out, headers(200, "Content-Length: 100000") + "<html><head><title>Half a page</title></head><body>");
                out.flush();
                holdUntilClosed();
            }
            case "/drip" -> {
                write(out, headers(200, "Content-Length: 10000") + "<html><head><title>Drip</title>");
                drip(out, "x".repeat(10_000).getBytes(StandardCharsets.US_ASCII));
            }
            case "/drip-headers" -> drip(out, (headers(200, "Content-Length: 20") + "<title>Drip</title>").getBytes(StandardCharsets.US_ASCII));
            case "/huge" -> {
                write(out, headers(200, "Content-Length: " + FIFTY_MB));
                fill(out, FIFTY_MB, false);
            }
            case "/huge-chunked" -> {
                write(out, headers(200, "Transfer-Encoding: chunked"));
                fill(out, FIFTY_MB, true);
            }
            case "/huge-header" -> write(out, "HTTP/1.1 200 OK\r\nX-Filler: " + "a".repeat(1024 * 1024) + "\r\nContent-Length: 0\r\n\r\n");
            case "/many-headers" -> {
                write(out, "HTTP/1.1 200 OK\r\n");
                String header = "X-Many: " + "b".repeat(20) + "\r\n";
                for (int i = 0; i < 100_000 && !closed; i++) {
                    write(out, header);
                }
                write(out, "Content-Length: 0\r\n\r\n");
            }
            case "/gzip-bomb" -> {
                write(out, headers(200, "Content-Encoding: gzip\r\nContent-Length: " + gzipBomb.length));
                out.write(gzipBomb);
            }
            case "/short-body" -> write(out, headers(200, "Content-Length: 5000") + "<html><title>Short</title>");
            case "/bad-chunk" -> write(out, headers(200, "Transfer-Encoding: chunked") + "zz\r\nnot a chunk\r\n0\r\n\r\n");
            case "/error" -> write(out, page(500, "Internal Server Error", "Upstream failure"));
            case "/status-999" -> write(out, page(999, "Whatever", "Status 999"));
            case "/garbage" -> write(out, "SSH-2.0-OpenSSH_9.6\r\n\u0000\u0001\u0002 not HTTP at all\r\n\r\n");
            case "/bad-utf8" -> {
                byte[] html = "<html><head><title>Bad \u00ff\u00fe bytes</title></head></html>".getBytes(StandardCharsets.ISO_8859_1);
                write(out, headers(200, "Content-Length: " + html.length));
                out.write(html);
            }
            case "/script" -> write(out, page(200, "OK", "<script>alert('upstream')</script>Totally Safe Soup"));
            default -> write(out, page(404, "Not Found", "no such fault: " + path));
        }
    }

    private void holdUntilClosed() throws InterruptedException {
        // bounded: the campaign closes the upstream long before a minute has passed
        for (int i = 0; i < 600 && !closed; i++) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private void drip(OutputStream out, byte[] bytes) throws IOException, InterruptedException {
        for (byte b : bytes) {
            if (closed) {
                return;
            }
            out.write(b);
            out.flush();
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private void fill(OutputStream out, long total, boolean chunked) throws IOException {
        byte[] chunk = "<p>filler</p>\n".repeat(4096).getBytes(StandardCharsets.US_ASCII);
        for (long sent = 0; sent < total && !closed; sent += chunk.length) {
            if (chunked) {
                write(out, Integer.toHexString(chunk.length) + "\r\n");
            }
            out.write(chunk);
            if (chunked) {
                write(out, "\r\n");
            }
        }
        if (chunked) {
            write(out, "0\r\n\r\n");
        }
    }

    /** 64 MiB of zeros in about 64 KiB: whoever inflates it all without a limit pays in memory and time. */
    private static byte[] gzipBomb() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                gzip.write(zeros);
            }
        }
        return compressed.toByteArray();
    }

    private static String headers(int status, String extra) {
        return "HTTP/1.1 " + status + " OK\r\nContent-Type: text/html; charset=utf-8\r\n" + extra + "\r\n\r\n";
    }

    private static String page(int status, String reason, String title) {
        String html = "<!doctype html><html><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>";
        int length = html.getBytes(StandardCharsets.UTF_8).length;
        return "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + length
                + "\r\n\r\n" + html;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The request line's path; the rest of the head is read and ignored. Null when the client sent nothing usable. */
    private static String readRequestPath(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while (head.length() < MAX_REQUEST_HEAD && (b = in.read()) >= 0) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
                if (requestLine.length < 2) {
                    return null;
                }
                String target = requestLine[1];
                int query = target.indexOf('?');
                return query < 0 ? target : target.substring(0, query);
            }
        }
        return null;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing to do
        }
    }

    /**
     * Somewhere no client was told about: counts every connection that reaches it, so "fetches that
     * left the configured hosts" is a number, not a guess. Answers each with a page that says so.
     */
    static final class OffHost implements AutoCloseable {
        private final ServerSocket server;
        private final AtomicInteger reached = new AtomicInteger();

        OffHost() {
            try {
                this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            DaemonThreads.named("off-host").newThread(this::acceptUntilClosed).start();
        }

        int port() {
            return server.getLocalPort();
        }

        int reached() {
            return reached.get();
        }

        private void acceptUntilClosed() {
            while (!server.isClosed()) {
                Socket socket;
                try {
                    socket = server.accept();
                } catch (IOException closed) {
                    return;
                }
                reached.incrementAndGet();
                try (socket) {
                    socket.setSoTimeout(2_000);
                    readRequestPath(socket.getInputStream());
                    write(socket.getOutputStream(), page(200, "OK", "Off-host page: a redirect was followed"));
                } catch (IOException ignored) {
                    // one bad client; keep counting
                }
            }
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
