package dev.asyncjavalin.ch09;

import dev.asyncjavalin.lab.DaemonThreads;
import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageReader;
import dev.asyncjavalin.lab.pages.PageResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
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
        client.sendAsync(request, answer -> new RowReader(url, answer.statusCode(), started, row))
                .whenComplete((answered, failure) -> {
                    if (failure != null) {
                        row.complete(failed(url, failure, started)); // no answer (refused, timeout): no RowReader saw it end
                    }
                });
        return row;
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

    /**
     * Reads one answer's body as its bytes arrive, no further than one chunk past the course's limit,
     * and completes the page's row when it ends.
     */
    private final class RowReader implements HttpResponse.BodySubscriber<Void> {

        private final String url;
        private final int code;
        private final long started;
        private final CompletableFuture<PageResult> row;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        RowReader(String url, int code, long started, CompletableFuture<PageResult> row) {
            this.url = url;
            this.code = code;
            this.started = started;
            this.row = row;
        }

        @Override
        public CompletionStage<Void> getBody() {
            return row.thenApply(done -> null);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (row.isDone()) {
                return; // too large already
            }
            for (ByteBuffer buffer : buffers) {
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            if (bytes.size() > PageReader.MAX_BODY_BYTES) {
                subscription.cancel(); // the client drops the connection instead of reading on
                row.complete(new PageResult(url, Outcome.TOO_LARGE, code, "", "body larger than " + PageReader.MAX_BODY_BYTES / 1024
                        + " KiB, not read", PageReader.since(started)));
            }
        }

        @Override
        public void onError(Throwable failure) {
            row.complete(failed(url, failure, started));
        }

        @Override
        public void onComplete() {
            Duration elapsed = PageReader.since(started);
            if (code >= 300 && code < 400) {
                row.complete(new PageResult(url, Outcome.REDIRECTED, code, "", "redirected, not followed", elapsed));
                return;
            }
            boolean ok = code >= 200 && code < 300;
            String title = PageReader.titleOf(bytes.toString(StandardCharsets.UTF_8));
            row.complete(new PageResult(url, ok ? Outcome.OK : Outcome.HTTP_ERROR, code, title, ok ? "" : "upstream answered HTTP " + code,
                    elapsed));
        }
    }
}
