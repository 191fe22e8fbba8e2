package dev.asyncjavalin.lab.bench;

import io.javalin.Javalin;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** What a started app's request pool can do: the bound that a blocking handler's throughput meets. */
public final class JettyPool {

    private JettyPool() {
    }

    /**
     * The threads of the app's pool that can run handlers: Jetty leases some of them for good, to accept
     * connections and watch sockets, so a pool of 200 runs fewer than 200 requests at once. 0 when the
     * app has no such pool (virtual threads: nothing to run out of).
     */
    public static int handlerThreads(Javalin app) {
        return app.jettyServer().server().getThreadPool() instanceof QueuedThreadPool pool ? pool.getMaxThreads() - pool.getLeasedThreads() : 0;
    }
}
