package dev.asyncjavalin.ch04;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The article's slow work, without a sleeping thread: a timer completes each future after the
 * delay. While a second passes, no thread waits for it; one timer thread serves every request.
 */
final class ScheduledData implements SlowData {

    /** The article's one second. */
    static final Duration DELAY = Duration.ofSeconds(1);

    private final Duration delay;
    private final ScheduledExecutorService timer;

    private ScheduledData(Duration delay) {
        this.delay = delay;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "data-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    static ScheduledData oneSecond() {
        return new ScheduledData(DELAY);
    }

    // tag::load[]
    @Override
    public CompletableFuture<String> load() {
        CompletableFuture<String> data = new CompletableFuture<>();
        // nothing waits here: the timer thread completes the future when the delay is over
        timer.schedule(() -> data.complete(answerAfter(delay)), delay.toNanos(), TimeUnit.NANOSECONDS);
        return data;
    }
    // end::load[]

    static String answerAfter(Duration waited) {
        return "Here is your data, after " + waited.toMillis() + " ms";
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
