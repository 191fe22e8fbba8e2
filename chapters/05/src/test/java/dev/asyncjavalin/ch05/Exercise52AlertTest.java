package dev.asyncjavalin.ch05;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import io.javalin.testtools.JavalinTest;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The webhook here answers only after the test has its page. A 500 handler that waits for the
 * webhook would wait forever, so the webhook gives up holding after a while, answers anyway, and
 * notes that it had to: that note is what fails the test. A correct handler never gets near it.
 */
@Tag("exercise")
@DisplayName("5.2 the 500 handler alerts without delaying the page")
class Exercise52AlertTest {

    private final SlowUpstream upstream = SlowUpstream.start();
    private final MockWebServer webhook = new MockWebServer();
    private final CountDownLatch pageArrived = new CountDownLatch(1);
    private final AtomicBoolean answeredBeforePage = new AtomicBoolean();

    // tag::heldWebhook[]
    @BeforeEach
    void startWebhook() throws Exception {
        webhook.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                // hold the answer until the page has arrived; give up only if the page is waiting for us
                // (well before WebhookAlerts.TIMEOUT, or a waiting handler would see its own timeout first)
                if (!pageArrived.await(4, TimeUnit.SECONDS)) {
                    answeredBeforePage.set(true);
                }
                return new MockResponse.Builder().code(204).build();
            }
        });
        webhook.start();
    }
    // end::heldWebhook[]

    @AfterEach
    void stop() {
        pageArrived.countDown();
        upstream.close();
        webhook.close();
    }

    // tag::notDelayed[]
    @Test
    @DisplayName("the 500 page arrives while the webhook still holds its answer, and the alert arrives too")
    void pageDoesNotWaitForTheWebhook() {
        App.Options options = App.Options.defaults(webhook.url("/alerts").toString());
        JavalinTest.test(App.create(upstream.urls(), options), (server, client) -> {
            var response = client.get("/boom?api_key=" + Users.ALICE_KEY);
            pageArrived.countDown();

            assertThat(response.code()).isEqualTo(500);
            assertThat(answeredBeforePage).as("Exercise 5.2: the error page came only after the webhook answered;"
                    + " post the alert without waiting for it").isFalse();
            RecordedRequest alert = webhook.takeRequest(10, TimeUnit.SECONDS);
            assertThat(alert).as("Exercise 5.2: an alert reached the webhook").isNotNull();
            assertThat(alert.getBody().utf8()).contains("/boom");
        });
    }
    // end::notDelayed[]

    @Test
    @DisplayName("post() returns before the webhook has answered")
    void postReturnsAtOnce() throws Exception {
        OkHttpClient client = new OkHttpClient();
        try {
            new WebhookAlerts(client, webhook.url("/alerts").toString()).post(new Alert("id-1", "GET", "/boom", "test"));
            pageArrived.countDown(); // "the page": whatever the caller does next

            assertThat(answeredBeforePage).as("Exercise 5.2: post() waited for the webhook's answer").isFalse();
            assertThat(webhook.takeRequest(10, TimeUnit.SECONDS)).as("Exercise 5.2: the alert was sent").isNotNull();
        } finally {
            client.dispatcher().executorService().shutdown();
        }
    }
}
