package dev.asyncjavalin.ch05;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of the request log.
 *
 * @param user the caller's name, or null on public pages and refused requests
 */
public record RequestRecord(Instant receivedAt, String requestId, String method, String path, int status, Duration duration, String user) {

    /** The column is 500 characters wide; a longer path must not cost the whole batch its insert. */
    static final int MAX_PATH = 500;

    public RequestRecord {
        path = path.length() > MAX_PATH ? path.substring(0, MAX_PATH - 1) + "…" : path;
    }

    public double millis() {
        return duration.toNanos() / 1_000_000.0;
    }
}
