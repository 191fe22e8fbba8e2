package dev.asyncjavalin.lab.pages;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * {@link PageReader}'s rules for the JDK's {@code HttpClient}: reads an answer's body as its bytes
 * arrive, stops one chunk past {@link PageReader#MAX_BODY_BYTES} (a huge page costs about 1 MiB),
 * and completes the page's row where the last bytes are read, on the client's own thread.
 * <pre>
 *   client.sendAsync(request, answer -&gt; new JdkPageBody(url, answer, started))   // body() is the row
 * </pre>
 * A call with no answer at all (refused, timed out) never gets here: that row is the caller's.
 */
public final class JdkPageBody implements HttpResponse.BodySubscriber<PageResult> {

    private final String url;
    private final int code;
    private final String location;
    private final long startedNanos;
    private final CompletableFuture<PageResult> row;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    public JdkPageBody(String url, HttpResponse.ResponseInfo answer, long startedNanos) {
        this(url, answer, startedNanos, new CompletableFuture<>());
    }

    /**
     * Completes {@code row} itself: the future {@code sendAsync} returns completes one hand-off
     * later, on another executor, and a caller that wants no thread but the client's can use this
     * one instead. A body cut off mid-way completes it exceptionally.
     */
    public JdkPageBody(String url, HttpResponse.ResponseInfo answer, long startedNanos, CompletableFuture<PageResult> row) {
        this.url = url;
        this.code = answer.statusCode();
        this.location = answer.headers().firstValue("Location").orElse(null);
        this.startedNanos = startedNanos;
        this.row = row;
    }

    @Override
    public CompletionStage<PageResult> getBody() {
        return row;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (row.isDone()) {
            return; // too large already: what still arrives is dropped
        }
        for (ByteBuffer buffer : buffers) {
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
        if (bytes.size() > PageReader.MAX_BODY_BYTES) {
            subscription.cancel(); // the client drops the connection instead of reading on
            row.complete(PageReader.tooLarge(url, code, PageReader.since(startedNanos)));
        }
    }

    @Override
    public void onError(Throwable failure) {
        row.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        Duration elapsed = PageReader.since(startedNanos);
        if (code >= 300 && code < 400) {
            row.complete(PageReader.redirected(url, code, location, hostOf(location), elapsed));
        } else {
            row.complete(PageReader.answered(url, code, bytes.toString(StandardCharsets.UTF_8), elapsed));
        }
    }

    /** The host a Location points to, resolved against the page's URL; null when it is not a URL. */
    private String hostOf(String location) {
        if (location == null) {
            return null;
        }
        try {
            return URI.create(url).resolve(location).getHost();
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }
}
