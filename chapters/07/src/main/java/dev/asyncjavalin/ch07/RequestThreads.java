package dev.asyncjavalin.ch07;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Which threads run the handlers: a new virtual thread for every request (this chapter's way),
 * or a fixed pool of platform threads (Javalin's default, with 250), which the benchmark uses to
 * run the very same blocking code for comparison.
 *
 * @param platformThreads the pool size, or 0 for virtual threads
 */
record RequestThreads(int platformThreads) {

    static final RequestThreads VIRTUAL = new RequestThreads(0);

    static RequestThreads platform(int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("a platform pool needs at least 1 thread, got " + poolSize);
        }
        return new RequestThreads(poolSize);
    }

    boolean virtual() {
        return platformThreads == 0;
    }

    // tag::configure[]
    void configure(JavalinConfig config) {
        if (virtual()) {
            // Jetty runs each request on a new virtual thread: no pool to size, nothing to run out of
            config.concurrency.useVirtualThreads = true;
        } else {
            // a blocked handler holds one of these threads until it is done; the rest of the requests queue
            QueuedThreadPool pool = new QueuedThreadPool(platformThreads, Math.min(8, platformThreads)); // max, min
            pool.setName("platform");
            config.jetty.threadPool = pool;
        }
    }
    // end::configure[]

    String describe() {
        return virtual() ? "a virtual thread per request" : "a pool of " + platformThreads + " platform threads";
    }
}
