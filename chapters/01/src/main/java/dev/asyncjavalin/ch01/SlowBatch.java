package dev.asyncjavalin.ch01;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /batch?delays_ms=200,300,100}: several pieces of slow work, one after another, on the
 * request's one thread. The list comes from the URL, so its length and its sum are the client's to
 * choose: without a cap, one request could hold a server thread for as long as it liked.
 */
final class SlowBatch {

    static final int MAX_DELAYS = 5;
    static final Duration MAX_ONE_DELAY = Duration.ofMillis(1000);
    static final Duration MAX_TOTAL = SlowData.MAX_DELAY;

    private SlowBatch() {
    }

    static void handle(Context ctx) throws InterruptedException {
        List<Duration> delays = delaysFrom(ctx);
        long started = System.nanoTime();
        for (Duration delay : delays) {
            Thread.sleep(delay.toMillis()); // one after another, on this request's thread
        }
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        ctx.result("Waited " + waited + " ms for " + describe(delays) + ", one after another on thread "
                + Thread.currentThread().getName() + "\n");
    }

    /** {@code 200 + 300 + 100 = 600 ms}: the delays as read, and what they add up to. */
    static String describe(List<Duration> delays) {
        return delays.stream().map(delay -> String.valueOf(delay.toMillis())).collect(Collectors.joining(" + "))
                + " = " + delays.stream().mapToLong(Duration::toMillis).sum() + " ms";
    }

    /**
     * The delays of {@code ?delays_ms=}, in order; anything the README's "Exercise 1.3" section does
     * not allow is a {@code 400} saying what is wrong.
     */
    static List<Duration> delaysFrom(Context ctx) {
        // EXERCISE 1.3: read ?delays_ms= (up to 5 whole numbers from 0 to 1000, comma-separated, 3000 in total)
        throw new ExerciseNotSolved("1.3", "read ?delays_ms= into a list of delays, or answer 400 saying what is wrong");
        // END EXERCISE 1.3
    }
}
