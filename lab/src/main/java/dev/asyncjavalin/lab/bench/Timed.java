package dev.asyncjavalin.lab.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** What a piece of work returned, and how long it took on the wall clock. */
public record Timed<T>(T value, long millis) {

    public static <T> Timed<T> run(Supplier<T> work) {
        long started = System.nanoTime();
        T value = work.get();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * One warm-up run (classes, the JIT, first connections: paid once, not counted), then the
     * median of {@code rounds} runs; each run measures itself and returns its milliseconds.
     */
    public static long medianMillis(int rounds, LongSupplier millisOfOneRun) {
        millisOfOneRun.getAsLong();
        List<Long> millis = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            millis.add(millisOfOneRun.getAsLong());
        }
        return Stats.medianMillis(millis);
    }
}
