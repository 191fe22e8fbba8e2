package dev.asyncjavalin.ch07;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A real JDK {@link HttpClient} that reports how it is used: how many calls went through
 * {@code send} (which blocks its thread) and {@code sendAsync}, and which threads blocked in
 * {@code join()} or {@code get()} on a call's future (or on a future made from it) before the
 * answer was in. Nothing here is timed: a thread that waits for a call says so as it starts to.
 */
final class WatchedHttpClient extends HttpClient {

    private final HttpClient real;
    private final AtomicInteger sends = new AtomicInteger();
    private final List<CompletableFuture<?>> asyncCalls = new ArrayList<>();
    private final Set<Thread> waiters = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Thread> firstWaiter = new CompletableFuture<>();

    WatchedHttpClient(HttpClient real) {
        this.real = real;
    }

    /** Calls made with the blocking {@code send}. */
    int sends() {
        return sends.get();
    }

    /** The futures {@code sendAsync} returned, in the order the calls were made. */
    List<CompletableFuture<?>> asyncCalls() {
        synchronized (asyncCalls) {
            return List.copyOf(asyncCalls);
        }
    }

    /** Threads that blocked on a call's future before its answer was in. */
    Set<Thread> waiters() {
        return Set.copyOf(waiters);
    }

    /** Completes when the first thread blocks on a call's future that is not done yet. */
    CompletableFuture<Thread> firstWaiter() {
        return firstWaiter;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        sends.incrementAndGet();
        return real.send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return watched(real.sendAsync(request, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return watched(real.sendAsync(request, handler, pushPromiseHandler));
    }

    private <T> CompletableFuture<T> watched(CompletableFuture<T> call) {
        CallFuture<T> watched = new CallFuture<>();
        call.whenComplete((value, failure) -> {
            if (failure != null) {
                watched.completeExceptionally(failure);
            } else {
                watched.complete(value);
            }
        });
        // cancelling the caller's future must abort the real exchange, as it would without the watch
        watched.whenComplete((value, failure) -> call.cancel(true));
        synchronized (asyncCalls) {
            asyncCalls.add(watched);
        }
        return watched;
    }

    /** A call's future, and every future made from it ({@code thenApply}, {@code exceptionally}, ...). */
    private final class CallFuture<T> extends CompletableFuture<T> {

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new CallFuture<>();
        }

        @Override
        public T join() {
            noteWaiter();
            return super.join();
        }

        @Override
        public T get() throws InterruptedException, ExecutionException {
            noteWaiter();
            return super.get();
        }

        @Override
        public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            noteWaiter();
            return super.get(timeout, unit);
        }

        private void noteWaiter() {
            if (!isDone()) {
                waiters.add(Thread.currentThread());
                firstWaiter.complete(Thread.currentThread());
            }
        }
    }

    // --- everything else is the real client's ---------------------------------------------------

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return real.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return real.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return real.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return real.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return real.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return real.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return real.authenticator();
    }

    @Override
    public Version version() {
        return real.version();
    }

    @Override
    public Optional<Executor> executor() {
        return real.executor();
    }

    @Override
    public void shutdown() {
        real.shutdown();
    }

    @Override
    public void shutdownNow() {
        real.shutdownNow();
    }

    @Override
    public boolean awaitTermination(Duration duration) throws InterruptedException {
        return real.awaitTermination(duration);
    }

    @Override
    public boolean isTerminated() {
        return real.isTerminated();
    }
}
