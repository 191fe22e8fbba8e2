package dev.asyncjavalin.ch02;

import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The app's one OkHttp client. It owns a connection pool and a dispatcher with its threads, so
 * the app builds it once, shares it with every request, and shuts it down when it stops.
 */
final class UpstreamClient {

    private UpstreamClient() {
    }

    // tag::client[]
    static OkHttpClient create() {
        return new OkHttpClient.Builder()
                // a loopback or nearby host accepts a connection in milliseconds; seconds mean it is gone
                .connectTimeout(Duration.ofSeconds(2))
                // longest silence between two packets; as long as the largest ?timeout= so it never cuts in first
                .readTimeout(Duration.ofSeconds(10))
                // OkHttp has no call timeout by default: a page that trickles one byte every few seconds
                // would hold this request (and its server thread) forever. PageFetcher sets a tighter one per call.
                .callTimeout(Duration.ofSeconds(10))
                // by default OkHttp follows up to 20 redirects, to any host; here a redirect is a row instead
                .followRedirects(false)
                .build();
    }
    // end::client[]

    /**
     * Without this the JVM lingers after the server stops: idle dispatcher threads and pooled
     * connections stay alive for up to a minute.
     */
    static void shutDown(OkHttpClient client) {
        // EXERCISE 2.4: stop the client's dispatcher threads and close its pooled connections
        // calls already running finish; no new one starts, and the idle threads end
        client.dispatcher().executorService().shutdown();
        // idle connections are closed now, not up to five minutes later
        client.connectionPool().evictAll();
        // END EXERCISE 2.4
    }
}
