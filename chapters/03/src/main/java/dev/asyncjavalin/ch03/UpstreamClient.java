package dev.asyncjavalin.ch03;

import java.time.Duration;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** The app's one OkHttp client. It owns the thread pool, the connection pool and the per-host limits. */
final class UpstreamClient {

    /** The most pages one request fetches at once; the Dispatcher must allow that many per host. */
    static final int MAX_CALLS_PER_HOST = 10;

    private UpstreamClient() {
    }

    // tag::create[]
    static OkHttpClient create() {
        // enqueue() hands calls to this Dispatcher: by default 64 at once, but only 5 per host
        Dispatcher dispatcher = new Dispatcher();
        // EXERCISE 3.2: let all MAX_CALLS_PER_HOST calls to one host run in a single wave
        // END EXERCISE 3.2
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(10)) // an upper bound; each call sets its own, shorter one
                .followRedirects(false) // a redirect is a row, never a call to a host nobody configured
                .build();
    }
    // end::create[]

    /** OkHttp's threads would keep the JVM alive for a minute after the app stops. */
    static void shutdown(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
