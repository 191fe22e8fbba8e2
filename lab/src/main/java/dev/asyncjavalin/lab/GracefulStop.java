package dev.asyncjavalin.lab;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A stop that finishes the work it accepted and refuses the rest politely.
 *
 * <p>Jetty's own graceful stop waits for connections, not requests, and shortens the idle timeout of
 * every connection to close the idle ones. A connection whose request is waiting for an upstream has
 * had no I/O for a while, so that short timeout fired on it too: a response written during the stop
 * was failed half-way ({@code header parser received no bytes} on the client, one run in ten of a
 * loaded machine). Here only connections without a request in flight get the short timeout; the
 * others keep theirs and close once their answer is written, as every answer during a stop says
 * {@code Connection: close}. A request that arrives during the stop gets a 503 saying so.
 */
final class GracefulStop extends Handler.Wrapper implements Graceful {

    /**
     * Request attribute: a {@link Runnable} that answers the request at once, run for each request
     * still in flight {@link #timeToAnswer} before the stop timeout ends. The web framework above
     * Jetty sets it (see {@code Lab}), since only it can answer without racing the app's own answer.
     */
    static final String STOPPING_ANSWER = GracefulStop.class.getName() + ".stoppingAnswer";

    /** Requests in flight on each connection (HTTP/1.1 has one at a time). */
    private final Map<EndPoint, AtomicInteger> busy = new ConcurrentHashMap<>();
    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
    private final Shutdown shutdown = new Shutdown(this) {
        @Override
        public boolean isShutdownDone() {
            return busy.isEmpty();
        }
    };

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        EndPoint connection = request.getConnectionMetaData().getConnection().getEndPoint();
        // counted before the stop is checked: a stop that starts now either sees this request or refuses it
        InFlight tracked = new InFlight(connection, request, callback);
        if (isShutdown()) {
            serviceUnavailable(response, "The server is stopping: this request was not started. Try again in a moment.\n", tracked);
            return true;
        }
        try {
            boolean handled = super.handle(request, response, tracked);
            if (!handled) {
                tracked.forget(); // the server answers 404 and completes the callback itself
            }
            return handled;
        } catch (Throwable failure) {
            tracked.forget();
            throw failure;
        }
    }

    /**
     * Jetty's error page for a request it read but never handed to the app, failed because the
     * stop closed its connection: {@code 500 org.eclipse.jetty.io.EofException} on a loaded
     * machine. The request was refused, not broken, and the answer says so.
     */
    static Request.Handler errorPageWhileStopping(Server server) {
        return new PlainErrors() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (server.isStopping() && !response.isCommitted()) {
                    serviceUnavailable(response, "The server is stopping: this request was not started. Try again in a moment.\n", callback);
                    return true;
                }
                return super.handle(request, response, callback);
            }
        };
    }

    private static void serviceUnavailable(Response response, String message, Callback callback) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE_503);
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        Content.Sink.write(response, true, message, callback);
    }

    /**
     * Requests still running near the end of the stop timeout get their {@link #STOPPING_ANSWER}
     * run now, while their connections are open. Left alone, Jetty closes their connections at the
     * timeout and the client gets a cut answer, or Jetty's own {@code 500 EofException} page.
     * Connections with no request in the app are closed now, for the same reason: a request Jetty
     * has read but not yet handed to the app (its threads were busy) is refused, not failed.
     */
    private void answerThoseStillRunning() {
        for (InFlight request : inFlight) {
            if (request.request.getAttribute(STOPPING_ANSWER) instanceof Runnable answer) {
                answer.run();
            }
        }
        for (Connector connector : getServer().getConnectors()) {
            for (EndPoint connection : connector.getConnectedEndPoints()) {
                if (!busy.containsKey(connection)) {
                    connection.close(); // the socket only: nothing is written on it first
                }
            }
        }
    }

    @Override
    public CompletableFuture<Void> shutdown() {
        CompletableFuture<Void> done = shutdown.shutdown(); // first: from here on new requests are refused
        for (Connector connector : getServer().getConnectors()) {
            closeIdleConnectionsSoon(connector);
        }
        long stopTimeout = getServer().getStopTimeout();
        if (stopTimeout > 0 && getServer().getBean(Scheduler.class) != null) {
            Scheduler.Task answer = getServer().getBean(Scheduler.class).schedule(this::answerThoseStillRunning,
                    stopTimeout - timeToAnswer(stopTimeout), TimeUnit.MILLISECONDS);
            done.whenComplete((ignored, failure) -> answer.cancel());
        }
        shutdown.check();
        return done;
    }

    /**
     * Gives every connection of {@code connector} without a request in flight a short idle timeout,
     * and looks again while the stop lasts: Jetty may set a connection's idle timeout back as it
     * finishes a request, and a connection may finish its request just after a look.
     */
    private void closeIdleConnectionsSoon(Connector connector) {
        long grace = Lab.SHUTDOWN_IDLE_TIMEOUT.toMillis();
        for (EndPoint connection : connector.getConnectedEndPoints()) {
            if (isIdle(connection) && connection.getIdleTimeout() != grace) {
                connection.setIdleTimeout(grace);
            }
        }
        if (getServer().isStopping() && !connector.getConnectedEndPoints().isEmpty()) {
            connector.getScheduler().schedule(() -> closeIdleConnectionsSoon(connector), grace, TimeUnit.MILLISECONDS);
        }
    }

    /** The end of the stop timeout left to write the 503s: a second of Lab.STOP_TIMEOUT, half of a short one. */
    static long timeToAnswer(long stopTimeoutMillis) {
        return Math.min(1000, stopTimeoutMillis / 2);
    }

    /**
     * No request in the app, and none read and waiting for a thread: on a loaded machine a request
     * can wait longer than the short idle timeout between being read and being handled, and an
     * idle timeout then fails it with a 500. Jetty counts requests read and responses written on
     * each connection.
     */
    private boolean isIdle(EndPoint connection) {
        Connection http = connection.getConnection();
        boolean requestWaiting = http != null && http.getMessagesIn() > http.getMessagesOut();
        return !busy.containsKey(connection) && !requestWaiting;
    }

    @Override
    public boolean isShutdown() {
        return shutdown.isShutdown();
    }

    /**
     * Jetty shortens every connection's idle timeout when a stop begins unless this is negative:
     * {@link GracefulStop} does it for the idle ones only.
     */
    static void leaveIdleTimeoutsToGracefulStop(AbstractConnector connector) {
        connector.setShutdownIdleTimeout(-1);
    }

    /** The request's callback, counted until it completes once. */
    private final class InFlight extends Callback.Nested {
        private final EndPoint connection;
        private final Request request;
        private final AtomicBoolean counted = new AtomicBoolean(true);
        private final AtomicBoolean completed = new AtomicBoolean();

        InFlight(EndPoint connection, Request request, Callback callback) {
            super(callback);
            this.connection = connection;
            this.request = request;
            busy.computeIfAbsent(connection, ignored -> new AtomicInteger()).incrementAndGet();
            inFlight.add(this);
        }

        @Override
        public void succeeded() {
            if (!completed.compareAndSet(false, true)) {
                return;
            }
            try {
                super.succeeded();
            } finally {
                forget();
            }
        }

        @Override
        public void failed(Throwable failure) {
            if (!completed.compareAndSet(false, true)) {
                return;
            }
            try {
                super.failed(failure);
            } finally {
                forget();
            }
        }

        void forget() {
            if (!counted.compareAndSet(true, false)) {
                return;
            }
            inFlight.remove(this);
            busy.computeIfPresent(connection, (ignored, count) -> count.decrementAndGet() == 0 ? null : count);
            if (isShutdown()) {
                shutdown.check();
            }
        }
    }
}
