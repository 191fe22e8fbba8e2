package dev.asyncjavalin.ch05;

import dev.asyncjavalin.lab.DaemonThreads;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Tells the team that a request failed, by POSTing a short message to a chat webhook (Slack,
 * Teams, Mattermost all take one). The error page must not wait for it: a slow or broken chat
 * service would otherwise make every error page slow too.
 *
 * <p>Nor must alerts wait for pages, or pages for alerts: they go through a dispatcher of their own
 * ({@link #sharingConnectionsWith}), which queues at most {@link #MAX_WAITING} of them. A chat
 * service that hangs costs a few alert threads, never a page's call.
 */
final class WebhookAlerts implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json");
    /** The longest an alert may try; it never delays a response either way. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Alerts sent at once: a chat service that hangs holds at most this many calls (and threads). */
    static final int MAX_SENDING = 4;
    /**
     * Alerts that may wait for a sender. A webhook that never answers frees a sender only every
     * {@link #TIMEOUT}, so without a bound every failing request would add an alert that waits for ever.
     */
    static final int MAX_WAITING = 100;

    private final OkHttpClient client;
    private final String webhookUrl;
    private final int maxWaiting;
    private final Consumer<String> problems;
    private final AtomicLong dropped = new AtomicLong();

    // tag::ownDispatcher[]
    /**
     * Alerts through a dispatcher of their own. OkHttp queues calls per dispatcher: on the page
     * client's, alerts to a hung webhook would take the running slots that pages need, and pages
     * would wait behind them for the alerts' timeout. {@code newBuilder()} keeps the page client's connection
     * pool, which is fine: a pool only keeps idle connections for reuse, per host, and makes no call
     * wait. Alerts to a hung webhook hold their own connections, not the pages'.
     */
    static WebhookAlerts sharingConnectionsWith(OkHttpClient pages, String webhookUrl) {
        Dispatcher alertsOnly = new Dispatcher(Executors.newCachedThreadPool(DaemonThreads.named("alerts")));
        alertsOnly.setMaxRequests(MAX_SENDING);
        alertsOnly.setMaxRequestsPerHost(MAX_SENDING);
        OkHttpClient client = pages.newBuilder()
                .dispatcher(alertsOnly)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(TIMEOUT)
                .callTimeout(TIMEOUT)
                .build();
        return new WebhookAlerts(client, webhookUrl, MAX_WAITING, System.err::println);
    }
    // end::ownDispatcher[]

    /** {@code problems} hears of every alert that did not reach the team (a test listens here). */
    WebhookAlerts(OkHttpClient client, String webhookUrl, Consumer<String> problems) {
        this(client, webhookUrl, MAX_WAITING, problems);
    }

    /** At most {@code maxWaiting} alerts wait in {@code client}'s dispatcher; later ones are dropped. */
    WebhookAlerts(OkHttpClient client, String webhookUrl, int maxWaiting, Consumer<String> problems) {
        this.client = client;
        this.webhookUrl = webhookUrl;
        this.maxWaiting = maxWaiting;
        this.problems = problems;
    }

    // tag::post[]
    /** Sends {@code alert} and returns at once; a failed alert is reported in the server log. */
    void post(Alert alert) {
        if (client.dispatcher().queuedCallsCount() >= maxWaiting) {
            drop(alert); // the webhook is not keeping up: one more waiting alert would not help it
            return;
        }
        Call call = client.newCall(new Request.Builder().url(webhookUrl).post(RequestBody.create(alert.toJson(), JSON)).build());
        call.timeout().timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        // EXERCISE 5.2: send it without waiting for the answer (this waits: the error page waits with it)
        try (Response response = call.execute()) {
            reportIfRefused(alert, response);
        } catch (IOException e) {
            reportFailure(alert, e);
        }
        // END EXERCISE 5.2
    }
    // end::post[]

    /** Alerts dropped so far because {@link #MAX_WAITING} others were waiting. */
    long dropped() {
        return dropped.get();
    }

    private void drop(Alert alert) {
        // one line, not one per alert: a storm of failures must not become a storm of log lines too
        if (dropped.getAndIncrement() == 0) {
            problems.accept("alert for request " + alert.requestId() + " dropped: " + maxWaiting
                    + " alerts already wait for the webhook; further drops are counted, and the count is logged at stop");
        }
    }

    /** Stops the alert threads; alerts still waiting are reported as not delivered. */
    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        if (dropped.get() > 0) {
            problems.accept(dropped.get() + " alert(s) dropped in all: the webhook did not keep up");
        }
    }

    private void reportIfRefused(Alert alert, Response response) {
        if (!response.isSuccessful()) {
            problems.accept("alert for request " + alert.requestId() + " refused by the webhook: HTTP " + response.code());
        }
    }

    private void reportFailure(Alert alert, IOException e) {
        problems.accept("alert for request " + alert.requestId() + " not delivered: " + e);
    }
}
