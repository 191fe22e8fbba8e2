package dev.asyncjavalin.ch04;

import io.javalin.config.JavalinConfig;
import java.util.concurrent.Executor;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's thread pool, sized by the app and made visible at {@code /threads}.
 *
 * <p>Jetty keeps two threads of the pool for itself for as long as it runs: one accepts new
 * connections, one (a selector) watches the open sockets and hands each readable request to a
 * free pool thread. The rest run handlers. Jetty's default connector picks more acceptors and
 * selectors on machines with more cores, so the same pool size would leave a different number of
 * threads for requests on every laptop; this connector fixes both at one.
 */
final class RequestPool {

    /** One acceptor and one selector. */
    static final int JETTY_OWN = 2;

    private final QueuedThreadPool pool;

    private RequestPool(QueuedThreadPool pool) {
        this.pool = pool;
    }

    // tag::install[]
    static RequestPool install(JavalinConfig config, int poolSize) {
        QueuedThreadPool pool = new QueuedThreadPool(poolSize, Math.min(poolSize, 8)); // max, min
        pool.setName("request"); // threads are called request-NN in logs and on the pages
        config.jetty.threadPool = pool;
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http)); // 1 acceptor, 1 selector
            connector.setHost(config.jetty.host); // the host and port given to app.start(...)
            connector.setPort(config.jetty.port);
            return connector;
        });
        return new RequestPool(pool);
    }
    // end::install[]

    /** Runs tasks on the pool's threads, beside the handlers: where a page is written once its rows are in. */
    Executor executor() {
        return pool;
    }

    // tag::usage[]
    Usage usage() {
        return new Usage(pool.getMaxThreads(), pool.getLeasedThreads(), pool.getUtilizedThreads(),
                pool.getReadyThreads(), pool.getQueueSize());
    }
    // end::usage[]

    /**
     * One look at the pool.
     *
     * @param max    the most threads the pool may start
     * @param jetty  threads Jetty keeps for itself (acceptor and selector)
     * @param busy   threads running a handler right now
     * @param idle   started threads waiting for work
     * @param queued requests that wait for a free thread
     */
    record Usage(int max, int jetty, int busy, int idle, int queued) {

        /** The most requests that can run their handlers at the same time. */
        int forRequests() {
            return max - jetty;
        }

        String toText() {
            return String.format("""
                    Jetty's request pool: at most %d threads
                      busy      %3d   running a handler right now (this request is one of them)
                      idle      %3d   started, waiting for work
                      queued    %3d   requests waiting for a free thread
                      jetty     %3d   Jetty's own: one accepts connections, one watches the sockets
                      requests  %3d   the most handlers that can run at once (max - jetty)
                    """, max, busy, idle, queued, jetty, forRequests());
        }
    }
}
