package dev.asyncjavalin.ch07;

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
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;

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
        CompletableFuture<HttpResponse<Body>> response = client.sendAsync(request, info -> new CappedBody());
        CompletableFuture<PageResult> page = response.thenApply(answer -> rowOf(url, answer, started));
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

    private static PageResult rowOf(String url, HttpResponse<Body> answer, long started) {
        Duration elapsed = PageReader.since(started);
        int code = answer.statusCode();
        if (code >= 300 && code < 400) {
            String where = answer.headers().firstValue("Location").orElse("nowhere");
            return new PageResult(url, Outcome.REDIRECTED, code, "", "redirected to " + where + ", not followed", elapsed);
        }
        if (answer.body().tooLarge()) {
            return new PageResult(url, Outcome.TOO_LARGE, code, "",
                    "body larger than " + PageReader.MAX_BODY_BYTES / 1024 + " KiB, not read", elapsed);
        }
        String title = PageReader.titleOf(new String(answer.body().bytes(), StandardCharsets.UTF_8));
        boolean ok = code >= 200 && code < 300;
        return new PageResult(url, ok ? Outcome.OK : Outcome.HTTP_ERROR, code, title,
                ok ? "" : "upstream answered HTTP " + code, elapsed);
    }

    /** A body read up to the course's limit; past it, the rest is never read. */
    private record Body(byte[] bytes, boolean tooLarge) {
    }

    /**
     * Collects the body as its bytes arrive, on whatever thread the client delivers them; stops
     * reading one chunk past {@link PageReader#MAX_BODY_BYTES}, so a huge page costs about 1 MiB.
     */
    private static final class CappedBody implements HttpResponse.BodySubscriber<Body> {

        private final CompletableFuture<Body> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<Body> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return; // too large already: what still arrives is dropped
            }
            for (ByteBuffer buffer : buffers) {
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            if (bytes.size() > PageReader.MAX_BODY_BYTES) {
                subscription.cancel(); // the client closes the connection instead of reading on
                body.complete(new Body(new byte[0], true));
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(new Body(bytes.toByteArray(), false));
        }
    }
}
