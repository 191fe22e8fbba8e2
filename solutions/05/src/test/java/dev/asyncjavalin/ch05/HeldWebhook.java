package dev.asyncjavalin.ch05;

import dev.asyncjavalin.lab.testing.ThreadSnapshot;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A chat webhook that knows whether anyone waited for it. It holds its answer until the test
 * releases it, and when an alert arrives it looks at every thread of the JVM: one inside OkHttp's
 * synchronous {@code execute()}, called from the alerts' code, is a thread waiting for this very answer. It then answers at once, so a waiting handler fails fast instead of
 * hanging, and says who waited.
 */
final class HeldWebhook implements AutoCloseable {

    /** Only against a hang: a waiter is recognised at once; this ends a wait that is not. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(5);
    private static final Predicate<StackTraceElement> SYNCHRONOUS_CALL =
            frame -> frame.getClassName().equals("okhttp3.internal.connection.RealCall") && frame.getMethodName().equals("execute");

    /** WebhookAlerts and its inner classes and lambdas: where exercise 5.2's answer runs. */
    private static final Predicate<StackTraceElement> ALERTS_CODE =
            frame -> frame.getClassName().startsWith(WebhookAlerts.class.getName());

    private final MockWebServer server = new MockWebServer();
    private final CountDownLatch released = new CountDownLatch(1);
    private final CompletableFuture<RecordedRequest> firstAlert = new CompletableFuture<>();
    private volatile String waiter;

    // tag::heldWebhook[]
    HeldWebhook(MockResponse answer) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                // the sender has written the alert and now reads the answer: is a thread of the alerts' code stuck in
                // that read? (other chapters' checks may run beside this one and call execute() for their own reasons)
                Optional<String> waiting = ThreadSnapshot.others().stream()
                        .filter(thread -> thread.inside(SYNCHRONOUS_CALL) && thread.inside(ALERTS_CODE))
                        .map(thread -> thread.name() + thread.innermost(frame -> frame.getClassName().startsWith("dev.asyncjavalin."))
                                .map(where -> " in " + where).orElse(""))
                        .findFirst();
                if (waiting.isPresent()) {
                    waiter = waiting.get();
                } else if (!released.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) {
                    waiter = "a thread that the test could not name";
                }
                firstAlert.complete(request);
                return answer;
            }
        });
        server.start();
    }
    // end::heldWebhook[]

    String url() {
        return server.url("/alerts").toString();
    }

    /** Lets the webhook answer: the test has what it waited for (the page, or post() returned). */
    void release() {
        released.countDown();
    }

    /** The first alert, once the webhook has looked for a waiting thread; null when none came. */
    RecordedRequest firstAlert() throws Exception {
        return firstAlert.completeOnTimeout(null, HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS).get();
    }

    /** Who waited for the webhook's answer, if anyone did. Known once {@link #firstAlert} has returned. */
    Optional<String> waiter() {
        return Optional.ofNullable(waiter);
    }

    int alertsReceived() {
        return server.getRequestCount();
    }

    @Override
    public void close() {
        release();
        server.close();
    }
}
