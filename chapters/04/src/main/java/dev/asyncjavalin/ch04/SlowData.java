package dev.asyncjavalin.ch04;

import java.util.concurrent.CompletableFuture;

/**
 * Where {@code /data} gets its answer: slow work that ends in a string. It returns a future at
 * once, so whoever asks decides whether to wait for it (and hold a thread) or not.
 */
public interface SlowData extends AutoCloseable {

    /** Starts loading and returns at once; the future completes when the data is there. */
    CompletableFuture<String> load();

    /** Stops whatever threads the source owns. */
    @Override
    void close();
}
