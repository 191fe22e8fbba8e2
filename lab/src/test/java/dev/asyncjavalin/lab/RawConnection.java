package dev.asyncjavalin.lab;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 connection written by hand, so that a test decides when it reads: a client library
 * would read at once, retry, or open another connection behind the test's back.
 */
final class RawConnection implements AutoCloseable {

    /** Status line and headers as received, and the body (by Content-Length, chunks, or up to the close). */
    record Answer(int status, String headers, String body) {
    }

    /** Every read waits at most this long, so that a test fails instead of hanging. */
    private static final int READ_TIMEOUT_MS = 10_000;

    private final Socket socket;
    private final InputStream in;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    static RawConnection open(Javalin app) throws IOException {
        Socket socket = new Socket("localhost", app.port());
        socket.setSoTimeout(READ_TIMEOUT_MS);
        return new RawConnection(socket);
    }

    int localPort() {
        return socket.getLocalPort();
    }

    void send(String path) throws IOException {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    Answer get(String path) throws IOException {
        send(path);
        return read();
    }

    Answer read() throws IOException {
        String head = readHead();
        int status = Integer.parseInt(head.substring(9, 12));
        String lowerCase = head.toLowerCase(Locale.ROOT);
        byte[] body = lowerCase.contains("transfer-encoding: chunked") ? readChunks()
                : lowerCase.contains("content-length:") ? readExactly(contentLength(head))
                : in.readAllBytes(); // neither: the body ends where the server closes the connection
        return new Answer(status, head, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("the server closed the connection after " + body.length + " of " + length + " body bytes");
        }
        return body;
    }

    private byte[] readChunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(readLine().split(";")[0].trim(), 16);
            if (size == 0) {
                readLine(); // the empty line after the last chunk
                return body.toByteArray();
            }
            body.write(readExactly(size));
            readLine();
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int next;
        while ((next = in.read()) != '\n') {
            if (next == -1) {
                throw new IOException("the server closed the connection in the middle of a chunked body");
            }
            if (next != '\r') {
                line.append((char) next);
            }
        }
        return line.toString();
    }

    /** True once the server has closed the connection (end of stream), false if it kept it open for the read timeout. */
    boolean awaitClosedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int next = in.read();
            if (next == -1) {
                throw new IOException("the server closed the connection after " + head.size() + " header bytes");
            }
            head.write(next);
            matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        throw new IllegalStateException("no Content-Length in:\n" + head);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
