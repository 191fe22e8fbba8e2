package dev.asyncjavalin.ch08;

import dev.asyncjavalin.lab.DaemonThreads;
import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.util.Attributes;

/**
 * Makes a client that ignores {@code Retry-After} wait all the same. A connection refused again
 * before its {@code Retry-After} has passed gets that refusal when it has; a polite client, which
 * waits as asked, is refused at once as before. The wait holds no thread: a timer fails the future.
 *
 * <p>Why: clients that ask again the moment they are refused turn every refusal into the next
 * request. However cheap a refusal is, such clients send as many as the cores can answer, and those
 * cores were the ones computing the accepted hashes. Paced, each of them costs one refusal per
 * {@code Retry-After}. A client that opens a new connection per request escapes this; a service on
 * the internet paces by client (an API key, an address) in a rate limiter in front of it.
 */
final class RefusalPacer implements AutoCloseable {

    /** When this connection may next be refused at once (System.nanoTime), kept with the connection. */
    private static final String NEXT_REFUSAL_AT = RefusalPacer.class.getName() + ".nextRefusalAt";

    private final AtomicLong paced = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("refusal-pacer"));

    // tag::pace[]
    /** {@code work} itself, unless the pool refused it on a connection that did not wait as asked. */
    <T> CompletableFuture<T> pace(Context ctx, CompletableFuture<T> work) {
        if (!(work.handle((value, failure) -> failure).getNow(null) instanceof ServerBusy busy)) {
            return work; // accepted: nothing to pace
        }
        // HTTP/1.1 keeps a connection for one client, so the connection remembers its last refusal
        Attributes connection = ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData();
        long now = System.nanoTime();
        long early = connection.getAttribute(NEXT_REFUSAL_AT) instanceof Long at ? Math.max(0, at - now) : 0;
        connection.setAttribute(NEXT_REFUSAL_AT, now + early + busy.retryAfter().toNanos());
        if (early == 0) {
            return work; // it waited as asked (or this is its first refusal): refused at once
        }
        paced.incrementAndGet();
        CompletableFuture<T> refusedLater = new CompletableFuture<>();
        timer.schedule(() -> refusedLater.completeExceptionally(busy), early, TimeUnit.NANOSECONDS);
        return refusedLater;
    }
    // end::pace[]

    /** Refusals held back so far. */
    long paced() {
        return paced.get();
    }

    @Override
    public void close() {
        timer.shutdownNow(); // Jetty has answered every request before the app closes this
    }
}
