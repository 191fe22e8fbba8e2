package dev.asyncjavalin.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP/1.1 client on a bare socket, for requests that real clients refuse to send: a lone
 * {@code %} or {@code %zz} in the query (the JDK's URI and OkHttp's HttpUrl both repair or reject
 * them), raw non-ASCII bytes, any method name. One request per connection ({@code Connection:
 * close}); the answer is read to the end, at most {@link #MAX_ANSWER_BYTES}, within a time limit.
 */
final class RawHttp {

    static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    /**
     * An answer. {@code status} is 0 when none came (refused, reset, timed out); {@code failure}
     * then says why. Header names are kept as sent.
     */
    record Answer(int status, String head, String body, String failure) {

        boolean answered() {
            return status > 0;
        }

        /** The first value of header {@code name} (any letter case), or null. */
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        static Answer none(String why) {
            return new Answer(0, "", "", why);
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code method target} to {@code 127.0.0.1:port} with {@code headers} ("Name: value"
     * lines). {@code target} goes out byte for byte as UTF-8: encode it yourself, or not.
     */
    static Answer send(int port, String method, String target, List<String> headers, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) Math.max(1, timeout.toMillis()));
            StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n")
                    .append("Connection: close\r\n");
            if (!method.equals("GET") && !method.equals("HEAD")) {
                request.append("Content-Length: 0\r\n"); // no body, said plainly: a server may refuse a body of unknown length
            }
            headers.forEach(header -> request.append(header).append("\r\n"));
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            byte[] raw = readToEnd(socket, deadline);
            return parse(raw);
        } catch (SocketTimeoutException e) {
            return Answer.none("no complete answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return Answer.none(e.toString());
        }
    }

    private static byte[] readToEnd(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        while (received.size() < MAX_ANSWER_BYTES) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("deadline");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            received.write(buffer, 0, n);
        }
        return received.toByteArray();
    }

    /** Splits a whole answer into status, head and body, undoing chunked framing. */
    static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1); // byte for byte; the body is decoded below
        int endOfHead = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || endOfHead < 0) {
            return Answer.none(raw.length == 0 ? "connection closed without an answer" : "not an HTTP answer");
        }
        String head = text.substring(0, endOfHead);
        String statusLine = head.split("\r\n", 2)[0];
        String[] parts = statusLine.split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            return Answer.none("bad status line: " + statusLine);
        }
        String bodyBytes = text.substring(endOfHead + 4);
        Answer headOnly = new Answer(status, head, "", null);
        String transferEncoding = headOnly.header("Transfer-Encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            bodyBytes = dechunk(bodyBytes);
        }
        String body = new String(bodyBytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return new Answer(status, head, body, null);
    }

    /** The data of a chunked body; whatever follows a broken chunk header is kept as it is. */
    static String dechunk(String chunked) {
        StringBuilder data = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                data.append(chunked, at, chunked.length());
                break;
            }
            String sizeText = chunked.substring(at, lineEnd).split(";", 2)[0].trim();
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException e) {
                data.append(chunked, at, chunked.length());
                break;
            }
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            int end = Math.min(chunked.length(), start + size);
            data.append(chunked, start, end);
            at = end + 2; // the CRLF after the chunk's data
        }
        return data.toString();
    }
}
