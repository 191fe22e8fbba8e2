package dev.asyncjavalin.ch07;

import dev.asyncjavalin.lab.pages.JdkPageBody;
import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageReader;
import dev.asyncjavalin.lab.pages.PageResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;

/**
 * One page over the JDK's {@link HttpClient}, the way an event loop does it: {@code sendAsync}
 * returns at once, and no thread waits for the answer. The client's one selector thread watches
 * every open connection and hands each answer on when its bytes arrive; until then a call is a
 * socket and a future, nothing more. Exercise 7.3 fans many of these out.
 */
final class AsyncPageCall {

    private AsyncPageCall() {
    }

    // tag::newClient[]
    /**
     * The app's one client: it owns the selector thread and the connection pool, so make one and
     * share it (close it when the app stops).
     */
    static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // the upstream speaks HTTP/1.1; skip the h2c upgrade offer
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect is a row, as with OkHttp in this course
                // the client's own short tasks (sending, reading the bytes of an answer) run here; its default,
                // a cached pool of platform threads, adds threads with every burst of calls and keeps them a minute
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }
    // end::newClient[]

    // tag::fetch[]
    /**
     * Starts fetching {@code url} and returns at once. The future completes with a row when the
     * upstream answers (200, an HTTP error, a body too large, a redirect), and completes
     * exceptionally when the call fails (timeout, refused, connection lost): turning that into a
     * row is the caller's job ({@link #failed}). Completing or cancelling the future first, for
     * instance at a deadline, cancels the HTTP call too.
     */
    static CompletableFuture<PageResult> fetch(HttpClient client, String url, Duration timeout) {
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        // the lab's JdkPageBody reads the answer as its bytes arrive, up to the course's limit, into a row
        CompletableFuture<HttpResponse<PageResult>> response = client.sendAsync(request, answer -> new JdkPageBody(url, answer, started));
        CompletableFuture<PageResult> page = response.thenApply(HttpResponse::body);
        // the JDK aborts an exchange when its future is cancelled, but completing a future made from
        // it (a deadline's row) would leave the call running: whoever ends the page, ends the call
        page.whenComplete((row, failure) -> response.cancel(true));
        return page;
    }
    // end::fetch[]

    // tag::failed[]
    /** The row of a call that failed: {@code failure} as a future gives it, wrapped or not. */
    static PageResult failed(String url, Throwable failure, Duration timeout, long startedNanos) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        Duration elapsed = PageReader.since(startedNanos);
        // EXERCISE 7.4 a JDK timeout is a timeout row
        if (cause instanceof HttpTimeoutException) { // the JDK's timeouts are IOExceptions, not InterruptedIOExceptions
            return PageResult.failed(url, Outcome.TIMEOUT, "no answer within " + timeout.toMillis() + " ms", elapsed);
        }
        // END EXERCISE 7.4
        if (cause instanceof IOException io) {
            return PageResult.failed(url, Outcome.of(io), Outcome.detail(io), elapsed);
        }
        return PageResult.failed(url, Outcome.CONNECTION_LOST, String.valueOf(cause.getMessage()), elapsed);
    }
    // end::failed[]
}
