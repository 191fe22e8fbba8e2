package dev.asyncjavalin.lab.bench;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * The highest value a gauge (busy threads, a queue's length) showed while a run went on, looked at
 * every millisecond from a daemon thread: often enough for peaks that last a request, and leaves
 * the cores to the run. Stops looking when closed.
 */
public final class Peak implements AutoCloseable {

    private final AtomicInteger max = new AtomicInteger(Integer.MIN_VALUE);
    private final AtomicBoolean watching = new AtomicBoolean(true);

    private Peak(IntSupplier gauge, String name) {
        max.set(gauge.getAsInt());
        Thread sampler = new Thread(() -> {
            while (watching.get()) {
                max.accumulateAndGet(gauge.getAsInt(), Math::max);
                LockSupport.parkNanos(1_000_000);
            }
        }, name + "-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    public static Peak watch(IntSupplier gauge, String name) {
        return new Peak(gauge, name);
    }

    /** The highest value seen so far. */
    public int max() {
        return max.get();
    }

    @Override
    public void close() {
        watching.set(false);
    }
}
