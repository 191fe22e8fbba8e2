package dev.asyncjavalin.ch09;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Which threads run the handlers: a pool of platform threads of a known size, or a new virtual
 * thread per request (JDK 21+).
 *
 * @param poolSize the pool's maximum, or 0 for virtual threads
 */
record RequestThreads(int poolSize) {

    static final RequestThreads VIRTUAL = new RequestThreads(0);
    /** Javalin's own default maximum. */
    static final int DEFAULT_POOL_SIZE = 250;

    static RequestThreads pool(int size) {
        if (size < 8) {
            throw new IllegalArgumentException("a request pool needs at least 8 threads (Jetty keeps some for itself), got " + size);
        }
        return new RequestThreads(size);
    }

    boolean virtual() {
        return poolSize == 0;
    }

    // tag::configure[]
    void configure(JavalinConfig config) {
        if (virtual()) {
            if (!VirtualThreads.available()) {
                throw new IllegalStateException(VirtualThreads.whyUnavailable());
            }
            config.concurrency.useVirtualThreads = true; // a plain boolean: compiles on 17, works on 21+
        } else {
            QueuedThreadPool pool = new QueuedThreadPool(poolSize, Math.min(8, poolSize)); // max, min
            pool.setName("request");
            config.jetty.threadPool = pool; // a blocked handler holds one of these until it is done
        }
    }
    // end::configure[]

    String describe() {
        return virtual() ? "a virtual thread per request" : "a pool of " + poolSize + " platform threads";
    }
}
