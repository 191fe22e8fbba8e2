package dev.asyncjavalin.ch08;

import java.time.Duration;

/**
 * There is no room for more work right now: every thread is busy and every queue slot is taken.
 * Carries how long a client should wait before it tries again.
 */
final class ServerBusy extends RuntimeException {

    private final Duration retryAfter;

    ServerBusy(String message, Duration retryAfter) {
        // no stack trace: this is an answer under load, not a bug, and filling one in costs CPU we have none of
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
