package dev.asyncjavalin.lab.pages;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/** How fetching one page ended. Every failure is a row on the page, never an error page. */
public enum Outcome {
    OK("ok"),
    HTTP_ERROR("http error"),
    TIMEOUT("timeout"),
    UNREACHABLE("unreachable"),
    CONNECTION_LOST("connection lost"),
    TOO_LARGE("too large"),
    /** The upstream answered with a redirect, which the course's clients do not follow. */
    REDIRECTED("redirected"),
    /** Never requested: the time allowed for the whole page was spent before this call's turn. */
    SKIPPED("skipped");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** What the page shows in the status column. */
    public String label() {
        return label;
    }

    /**
     * Names an OkHttp failure. OkHttp reports its timeouts as {@link InterruptedIOException}s
     * (a read timeout is a {@code SocketTimeoutException}, a call timeout a plain "timeout");
     * nobody listening is a {@link ConnectException}; anything else broke mid-conversation.
     */
    public static Outcome of(IOException failure) {
        if (failure instanceof InterruptedIOException) {
            return TIMEOUT;
        }
        if (failure instanceof ConnectException || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException) {
            return UNREACHABLE;
        }
        return CONNECTION_LOST;
    }

    /**
     * What went wrong, in words, for a failed row's detail column: the failure's message ("timeout",
     * "unexpected end of stream on ..."), or the outcome's label when it has none. Never the
     * exception's class name, which {@code e.toString()} puts first: it tells a visitor nothing they
     * can act on, and tells an attacker which libraries the server runs. It belongs in the server log.
     */
    public static String detail(IOException failure) {
        String message = failure.getMessage();
        Throwable cause = failure.getCause();
        if (cause != null && cause.toString().equals(message)) {
            message = cause.getMessage(); // new IOException(cause) took the cause's toString(), class name and all
        }
        if (message == null || message.isBlank()) {
            return of(failure).label();
        }
        return message.strip().lines().findFirst().orElseThrow(); // one line, as the column is
    }
}
