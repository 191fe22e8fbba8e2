package dev.asyncjavalin.ch01;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * The article's first route: it waits for slow work, then answers. Here the "work" is a sleep,
 * so you can see the cost plainly: the server thread that took the request does nothing else
 * until the answer is written. Chapter 04 answers the same route without holding a thread.
 */
final class SlowData {

    /** How long {@code /data} waits when no delay is asked for: the article's one second. */
    static final Duration DEFAULT_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(3);

    private SlowData() {
    }

    // tag::handle[]
    static void handle(Context ctx) throws InterruptedException {
        Duration delay = delayFrom(ctx);
        long started = System.nanoTime();
        Thread.sleep(delay.toMillis()); // blocks this request's thread: the point of this chapter
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        ctx.result("Here is your data, after " + waited + " ms (delay_ms=" + delay.toMillis() + ") on thread "
                + Thread.currentThread().getName() + "\n");
    }
    // end::handle[]

    static Duration delayFrom(Context ctx) {
        // EXERCISE 1.2: read ?delay_ms= (a whole number from 0 to 3000; 1000 when absent)
        return DEFAULT_DELAY;
        // END EXERCISE 1.2
    }
}
