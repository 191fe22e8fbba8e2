package dev.asyncjavalin.ch05;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of the request log.
 *
 * @param user the caller's name, or null on public pages and refused requests
 */
public record RequestRecord(Instant receivedAt, String requestId, String method, String path, int status, Duration duration, String user) {

    /**
     * The widths of the {@code method} and {@code path} columns. The client chooses both (any token
     * is a method, and Javalin also takes one from the {@code X-HTTP-Method-Override} header), so a
     * longer value is shortened here: a value too long for its column would cost the record.
     */
    static final int MAX_METHOD = 32;
    static final int MAX_PATH = 500;

    public RequestRecord {
        method = shortened(method, MAX_METHOD);
        path = shortened(path, MAX_PATH);
    }

    /** {@code value} cut to {@code max} characters, the last one "…" when it was cut, never half a surrogate pair. */
    private static String shortened(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 2)) ? max - 2 : max - 1;
        return value.substring(0, end) + "…";
    }

    public double millis() {
        return duration.toNanos() / 1_000_000.0;
    }
}
