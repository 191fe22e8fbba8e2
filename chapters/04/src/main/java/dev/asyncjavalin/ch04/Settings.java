package dev.asyncjavalin.ch04;

import java.util.function.Supplier;

/**
 * What changes between a lesson run and a test: how many threads Jetty's pool may have, and
 * where {@code /data} gets its answer from.
 *
 * @param poolSize the most threads Jetty's pool may have; {@link RequestPool#JETTY_OWN} of them
 *                 are Jetty's own, the rest run requests
 * @param data     makes the source of {@code /data}'s answers; the app closes it when it stops
 */
public record Settings(int poolSize, Supplier<SlowData> data) {

    /** Javalin's own default maximum. */
    public static final int DEFAULT_POOL_SIZE = 250;
    /** Jetty refuses to start with fewer: its own two threads plus room for one request. */
    public static final int MIN_POOL_SIZE = 4;
    public static final int MAX_POOL_SIZE = 1000;

    public Settings {
        if (poolSize < MIN_POOL_SIZE || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("the pool size must be from " + MIN_POOL_SIZE + " to " + MAX_POOL_SIZE + ", got " + poolSize);
        }
    }

    /** Javalin's pool size, and {@code /data} answering after one second from a timer. */
    public static Settings defaults() {
        return new Settings(DEFAULT_POOL_SIZE, ScheduledData::oneSecond);
    }

    public Settings withPoolSize(int threads) {
        return new Settings(threads, data);
    }

    public Settings withData(Supplier<SlowData> source) {
        return new Settings(poolSize, source);
    }
}
