package dev.asyncjavalin.lab.pages;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What chapter 03 built, ready for the chapters after it: one shared OkHttp client whose
 * {@link #fetch} starts a call and returns a future that always ends in a {@link PageResult}
 * (failures are rows, never exceptions).
 *
 * <p>The future owns its call: whoever completes or cancels it first (a deadline, a cancelled
 * request) also cancels the HTTP call, so nothing keeps running for a page nobody will show.
 */
public final class PageClient implements AutoCloseable {

    private final OkHttpClient client;

    private PageClient(OkHttpClient client) {
        this.client = client;
    }

    /**
     * A client that runs up to {@code maxCalls} calls at once, {@code maxCallsPerHost} of them to
     * one host. OkHttp's defaults (64 and 5) queue the rest, which is what chapter 03 measured.
     */
    public static PageClient create(int maxCalls, int maxCallsPerHost) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(maxCalls);
        dispatcher.setMaxRequestsPerHost(maxCallsPerHost);
        return new PageClient(new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                // OkHttp keeps 5 idle connections by default; after a burst of maxCalls, the next
                // burst would open (and handshake) almost every connection again
                .connectionPool(new ConnectionPool(maxCalls, 5, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(2))
                // OkHttp follows up to 20 redirects to any host; an upstream could send the app to a
                // host nobody configured. A redirect is a row instead (Outcome.REDIRECTED).
                .followRedirects(false)
                // one deadline per call, the one fetch() is given: OkHttp's default 10 s read timeout
                // would otherwise cut in first whenever a caller allows a call more than 10 s
                .readTimeout(Duration.ZERO)
                .callTimeout(Duration.ofSeconds(10)) // only a default; every fetch sets its own
                .build());
    }

    /**
     * The same client, except that every call opens a connection of its own and closes it after
     * the answer, as Python's {@code requests.get} does: each call pays the connection's set-up
     * (see the lab's ConnectionCost). It shares this client's dispatcher and threads.
     */
    public PageClient withoutConnectionReuse() {
        return new PageClient(client.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build());
    }

    /**
     * A page client around {@code okHttp} as it is. Tests build one with an interceptor that stands
     * in for the network: it answers on the caller's own thread, so it sees which thread called, how
     * many calls are in at once, and it can hold a call or fail it.
     */
    public static PageClient wrapping(OkHttpClient okHttp) {
        return new PageClient(okHttp);
    }

    /** The underlying client, for blocking {@code execute()} calls and for tests. */
    public OkHttpClient okHttp() {
        return client;
    }

    /** Starts fetching {@code url} and returns at once. The future never completes exceptionally. */
    public CompletableFuture<PageResult> fetch(String url, Duration timeout) {
        CompletableFuture<PageResult> page = new CompletableFuture<>();
        long started = System.nanoTime();
        Call call = client.newCall(new Request.Builder().url(url).build());
        call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        // OkHttp starts a call's timeout when the dispatcher runs it, not while it waits in the queue
        // behind maxCalls others: this deadline starts now, so a page costs at most `timeout` however
        // long the queue is (and completing the future cancels the queued call, below)
        page.completeOnTimeout(PageResult.failed(url, Outcome.TIMEOUT, "no answer within " + timeout.toMillis()
                + " ms, time in the client's queue included", timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
        // a no-op when the call has finished; stops it when someone else completed the future first
        page.whenComplete((result, failure) -> call.cancel());
        call.enqueue(new Callback() {
            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    page.complete(PageReader.read(url, response, started));
                } catch (IOException e) {
                    onFailure(call, e);
                }
            }

            @Override
            public void onFailure(Call call, IOException e) {
                page.complete(PageResult.failed(url, Outcome.of(e), Outcome.detail(e), PageReader.since(started)));
            }
        });
        return page;
    }

    /** Blocks until {@code url} is read or {@code timeout} has passed; failures are rows here too. */
    public PageResult fetchBlocking(String url, Duration timeout) {
        long started = System.nanoTime();
        Call call = client.newCall(new Request.Builder().url(url).build());
        call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            return PageReader.read(url, response, started);
        } catch (IOException e) {
            return PageResult.failed(url, Outcome.of(e), Outcome.detail(e), PageReader.since(started));
        }
    }

    /** Stops the dispatcher's threads and closes idle connections, so the JVM can exit at once. */
    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
