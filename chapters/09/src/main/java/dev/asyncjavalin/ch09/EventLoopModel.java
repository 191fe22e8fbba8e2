package dev.asyncjavalin.ch09;

import dev.asyncjavalin.lab.DaemonThreads;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Chapter 07's event-loop model, on JDK 17: every page with the JDK's {@code HttpClient.sendAsync}.
 * A call that waits is a socket and a future, nothing more: the client's one selector thread
 * watches every open connection, and a thread works only while an answer's bytes arrive. No
 * thread waits for a page, not even a virtual one.
 */
final class EventLoopModel implements AutoCloseable {

    /** The client's workers: they only read bytes that have arrived, so two serve any number of waiting calls. */
    static final int CLIENT_THREADS = 2;

    private final ThreadPoolExecutor clientThreads;
    private final HttpClient client;
    private final Duration callTimeout;

    // tag::newClient[]
    EventLoopModel(Duration callTimeout) {
        this.callTimeout = callTimeout;
        this.clientThreads = new ThreadPoolExecutor(CLIENT_THREADS, CLIENT_THREADS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.named("event-loop-client"));
        clientThreads.prestartAllCoreThreads(); // all there from the start: their number never changes
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // the upstream speaks HTTP/1.1; skip the h2c upgrade offer
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect is a row, as with OkHttp
                // fixed: the default, a cached pool, starts a thread whenever an answer finds the others busy and
                // keeps it a minute, so under load its size follows the calls; an event loop's must not
                .executor(clientThreads)
                .build();
    }
    // end::newClient[]

    // tag::fetchAll[]
    CompletableFuture<List<PageResult>> fetchAll(List<String> urls) {
        List<CompletableFuture<PageResult>> calls = urls.stream().map(this::fetch).toList(); // all sent, none awaited
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .thenApply(allIn -> calls.stream().map(CompletableFuture::join).toList()); // every call is done: join returns at once
    }

    /** One page: a future that completes with its row when the answer has arrived, or the call failed. */
    CompletableFuture<PageResult> fetch(String url) {
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(callTimeout).GET().build();
        CompletableFuture<PageResult> row = new CompletableFuture<>();
        // the row is made where the answer's last bytes are read, on one of the client's threads: the future
        // sendAsync returns completes one hand-off later, on CompletableFuture's default executor, which on
        // 2 cores is one thread (JDK 25) or a new thread per answer (JDK 17), and would make every page there
        client.sendAsync(request, answer -> new JdkPageBody(url, answer, started, row))
                .whenComplete((answered, failure) -> {
                    if (failure != null) {
                        row.completeExceptionally(failure); // no answer (refused, timeout): no body saw it end
                    }
                });
        return row.exceptionally(failure -> failed(url, failure, started));
    }
    // end::fetchAll[]

    /** The client's own threads, for tests: the same ones, however many calls wait. */
    int clientThreads() {
        return clientThreads.getPoolSize();
    }

    @Override
    public void close() {
        if (client instanceof AutoCloseable closeable) { // JDK 21+; on 17 the selector thread ends once the client is unreachable
            try {
                closeable.close(); // waits for calls still running: the app's stop has let every request finish first
            } catch (Exception e) {
                throw new IllegalStateException("could not close the event loop's HttpClient", e);
            }
        }
        clientThreads.shutdownNow();
    }

    private PageResult failed(String url, Throwable failure, long started) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        Duration elapsed = PageReader.since(started);
        if (cause instanceof HttpTimeoutException) { // an IOException, but not an InterruptedIOException as OkHttp's are
            return PageResult.failed(url, Outcome.TIMEOUT, "no answer within " + callTimeout.toMillis() + " ms", elapsed);
        }
        if (cause instanceof IOException io) {
            return PageResult.failed(url, Outcome.of(io), Outcome.detail(io), elapsed);
        }
        return PageResult.failed(url, Outcome.CONNECTION_LOST, String.valueOf(cause.getMessage()), elapsed);
    }
}
