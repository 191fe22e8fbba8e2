package dev.asyncjavalin.ch05;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Tells the team that a request failed, by POSTing a short message to a chat webhook (Slack,
 * Teams, Mattermost all take one). The error page must not wait for it: a slow or broken chat
 * service would otherwise make every error page slow too.
 */
final class WebhookAlerts {

    private static final MediaType JSON = MediaType.get("application/json");
    /** The longest an alert may try; it never delays a response either way. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final OkHttpClient client;
    private final String webhookUrl;
    private final Consumer<String> problems;

    /** Alerts that do not reach the team are reported in the server log. */
    WebhookAlerts(OkHttpClient client, String webhookUrl) {
        this(client, webhookUrl, System.err::println);
    }

    /** {@code problems} hears of every alert that did not reach the team (a test listens here). */
    WebhookAlerts(OkHttpClient client, String webhookUrl, Consumer<String> problems) {
        this.client = client;
        this.webhookUrl = webhookUrl;
        this.problems = problems;
    }

    // tag::post[]
    /** Sends {@code alert} and returns at once; a failed alert is reported in the server log. */
    void post(Alert alert) {
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

    private void reportIfRefused(Alert alert, Response response) {
        if (!response.isSuccessful()) {
            problems.accept("alert for request " + alert.requestId() + " refused by the webhook: HTTP " + response.code());
        }
    }

    private void reportFailure(Alert alert, IOException e) {
        problems.accept("alert for request " + alert.requestId() + " not delivered: " + e);
    }
}
