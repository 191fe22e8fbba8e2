package dev.asyncjavalin.ch05;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import dev.asyncjavalin.lab.SlowUpstream;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every webhook here holds its answer until the test has what it waited for (the page, or
 * {@code post()} returned), and recognises a thread waiting for it at once: see {@link HeldWebhook}.
 * The tests that call {@code post()} directly own the OkHttp client, so they can also see when the
 * alert's call has ended, and whether it left its connection taken.
 */
@Tag("exercise")
@DisplayName("5.2 the 500 handler alerts without delaying the page")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first failure a learner reads is the page's
class Exercise52AlertTest {

    private static final MockResponse ACCEPTED = new MockResponse.Builder().code(200).body("ok").build(); // what Slack answers
    private static final Alert ALERT = new Alert("id-1", "GET", "/boom", "IllegalStateException: test");

    private final SlowUpstream upstream = SlowUpstream.start();
    private final OkHttpClient client = new OkHttpClient();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        upstream.close();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    // tag::notDelayed[]
    @Test
    @Order(1)
    @DisplayName("the friendly 500 page arrives while the webhook still holds its answer, and the alert arrives too")
    void pageDoesNotWaitForTheWebhook() throws Exception {
        try (HeldWebhook webhook = new HeldWebhook(ACCEPTED)) {
            JavalinTest.test(App.create(upstream.urls(), App.Options.defaults(webhook.url())), (server, http) -> {
                var response = http.get("/boom?api_key=" + Users.ALICE_KEY);
                String page = response.body().string();
                webhook.release();
                RecordedRequest alert = webhook.firstAlert();

                assertNobodyWaited(webhook);
                if (response.code() != 500 || !page.contains("Something broke on our side") || page.contains("Exception")) {
                    fail("Exercise 5.2: /boom answered %d without the friendly 500 page: post() runs inside the 500 handler,"
                            + " so it must never fail", response.code());
                }
                assertThat(alert).as("Exercise 5.2: an alert reached the webhook").isNotNull();
                assertThat(alert.getBody().utf8()).as("Exercise 5.2: the alert").contains("/boom");
                String requestId = alert.getBody().utf8().replaceAll(".*\"request_id\":\"([^\"]+)\".*", "$1");
                assertThat(page).as("Exercise 5.2: the page quotes the alert's request id").contains(requestId);
            });
        }
    }
    // end::notDelayed[]

    @Test
    @Order(2)
    @DisplayName("post() returns before the webhook answers; the alert is sent once and its response closed")
    void postReturnsAtOnce() throws Exception {
        try (HeldWebhook webhook = new HeldWebhook(ACCEPTED)) {
            postAndWaitForTheCall(webhook);

            assertThat(webhook.alertsReceived()).as("Exercise 5.2: alerts the webhook received for one post()").isEqualTo(1);
            ConnectionPool pool = client.connectionPool();
            if (pool.connectionCount() != pool.idleConnectionCount()) {
                fail("Exercise 5.2: the webhook's response was never closed, so its connection stays taken: close it in"
                        + " onResponse (try (response) { ... })");
            }
            assertThat(problems).as("Exercise 5.2: problems reported for an alert the webhook accepted").isEmpty();
        }
    }

    @Test
    @Order(3)
    @DisplayName("an alert the webhook refuses is reported, not swallowed")
    void refusedAlertIsReported() throws Exception {
        try (HeldWebhook webhook = new HeldWebhook(new MockResponse.Builder().code(500).body("no such channel").build())) {
            postAndWaitForTheCall(webhook);

            assertThat(problems).as("Exercise 5.2: the webhook answered 500 and nobody heard of it: call reportIfRefused in onResponse")
                    .singleElement().asString().contains("refused by the webhook: HTTP 500");
        }
    }

    @Test
    @Order(4)
    @DisplayName("an alert that cannot be delivered is reported, not swallowed")
    void undeliveredAlertIsReported() throws Exception {
        // a status line OkHttp cannot read: a failure it does not retry
        try (HeldWebhook webhook = new HeldWebhook(new MockResponse.Builder().status("HTTP/1.1 two hundred").build())) {
            postAndWaitForTheCall(webhook);

            assertThat(problems).as("Exercise 5.2: the alert failed and nobody heard of it: call reportFailure in onFailure")
                    .singleElement().asString().contains("not delivered");
        }
    }

    /** Posts one alert, lets the webhook answer once post() has returned, and waits until OkHttp has no call left. */
    private void postAndWaitForTheCall(HeldWebhook webhook) throws Exception {
        CountDownLatch noCallLeft = new CountDownLatch(1);
        client.dispatcher().setIdleCallback(noCallLeft::countDown);
        WebhookAlerts alerts = new WebhookAlerts(client, webhook.url(), problems::add);

        assertThatCode(() -> alerts.post(ALERT)).as("Exercise 5.2: post() threw; it runs inside the 500 handler, so it must never fail")
                .doesNotThrowAnyException();
        webhook.release();
        assertThat(webhook.firstAlert()).as("Exercise 5.2: the alert reached the webhook").isNotNull();
        assertNobodyWaited(webhook);
        assertThat(client.dispatcher().runningCallsCount() == 0 || noCallLeft.await(10, TimeUnit.SECONDS))
                .as("Exercise 5.2: the alert's call was still running 10 s after the webhook answered").isTrue();
    }

    private static void assertNobodyWaited(HeldWebhook webhook) {
        webhook.waiter().ifPresent(waiter -> fail("Exercise 5.2: %s waited for the webhook's answer (call.execute()); hand the"
                + " call to OkHttp with call.enqueue, so that no thread waits for it", waiter));
    }
}
