package dev.asyncjavalin.ch05;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A chat webhook that hangs must cost the app a few alert threads and nothing else. The webhook
 * here is a gate: it counts the alerts that reach it and holds each one until the test opens it,
 * so "the alerts are stuck" is a fact the test waits for, not a delay it hopes is long enough.
 */
class AlertQueueTest {

    /** Only against a hang: every wait below ends as soon as what it waits for has happened. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SlowUpstream upstream = SlowUpstream.start();
    private final MockWebServer webhook = new MockWebServer();
    private final Semaphore alertsArrived = new Semaphore(0);
    private final CountDownLatch gate = new CountDownLatch(1);
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startGate() throws IOException {
        webhook.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                alertsArrived.release();
                gate.await(); // held on the webhook's thread until the test opens the gate
                return new MockResponse.Builder().code(204).build();
            }
        });
        webhook.start();
    }

    @AfterEach
    void stop() {
        gate.countDown();
        webhook.close();
        upstream.close();
    }

    // tag::pagesDoNotQueueBehindAlerts[]
    @Test
    @DisplayName("while a hung webhook holds every alert sender, a page's upstream call still goes out at once")
    void pagesDoNotQueueBehindAlerts() throws Exception {
        int failures = WebhookAlerts.MAX_SENDING + 2; // every sender held, and two alerts waiting
        // the page client may run no more calls than the alert senders: had alerts shared its
        // dispatcher, the held alerts would take every slot and the page's call would wait behind them
        JavalinTest.test(App.create(upstream.urls(), App.Options.defaults(webhook.url("/alerts").toString()), WebhookAlerts.MAX_SENDING),
                (server, client) -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    String base = "http://localhost:" + server.port();
                    List<CompletableFuture<HttpResponse<String>>> booms = IntStream.range(0, failures)
                            .mapToObj(i -> get(http, base + "/boom?api_key=" + Users.ALICE_KEY)).toList();
                    assertThat(alertsArrived.tryAcquire(WebhookAlerts.MAX_SENDING, WAIT.toSeconds(), TimeUnit.SECONDS))
                            .as("alerts held by the webhook").isTrue();

                    CompletableFuture<HttpResponse<String>> page = get(http, base + "/recipe/1?api_key=" + Users.ALICE_KEY);

                    assertThat(upstream.awaitReceived(1, WAIT)).as("the page's call reached the upstream").isTrue();
                    assertThat(gate.getCount()).as("the webhook still holds the alerts").isEqualTo(1);
                    assertThat(page).succeedsWithin(WAIT).extracting(HttpResponse::statusCode).isEqualTo(200);
                    gate.countDown();
                    assertThat(booms).allSatisfy(boom -> assertThat(boom).succeedsWithin(WAIT)
                            .extracting(HttpResponse::statusCode).isEqualTo(500));
                });
    }
    // end::pagesDoNotQueueBehindAlerts[]

    @Test
    @DisplayName("alerts beyond the waiting room are dropped at once, counted, and reported in one line")
    void alertsThatCannotBeDeliveredDoNotPileUp() throws Exception {
        OkHttpClient client = new OkHttpClient();
        client.dispatcher().setMaxRequests(1);
        int maxWaiting = 2;
        try {
            // one alert held by the webhook and two waiting behind it: sent here directly, so this
            // test does not depend on how post() sends (exercise 5.2)
            for (int i = 0; i < 1 + maxWaiting; i++) {
                client.newCall(new Request.Builder().url(webhook.url("/alerts"))
                        .post(RequestBody.create("{}", MediaType.get("application/json"))).build()).enqueue(IGNORED);
            }
            assertThat(alertsArrived.tryAcquire(1, WAIT.toSeconds(), TimeUnit.SECONDS)).as("an alert held by the webhook").isTrue();
            assertThat(client.dispatcher().queuedCallsCount()).as("alerts waiting").isEqualTo(maxWaiting);
            WebhookAlerts alerts = new WebhookAlerts(client, webhook.url("/alerts").toString(), maxWaiting, problems::add);

            for (int i = 1; i <= 3; i++) {
                alerts.post(new Alert("id-" + i, "GET", "/boom", "IllegalStateException: test"));
            }

            assertThat(alerts.dropped()).isEqualTo(3);
            assertThat(client.dispatcher().queuedCallsCount()).as("alerts waiting after three more failures").isEqualTo(maxWaiting);
            assertThat(problems).singleElement().asString().contains("request id-1 dropped", "further drops are counted");
            alerts.close();
            assertThat(problems).last().asString().startsWith("3 alert(s) dropped");
        } finally {
            gate.countDown();
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private static final Callback IGNORED = new Callback() {
        @Override
        public void onResponse(Call call, Response response) {
            response.close();
        }

        @Override
        public void onFailure(Call call, IOException e) {
            // the test's own filler alerts: nobody needs to hear of them
        }
    };

    private static CompletableFuture<HttpResponse<String>> get(HttpClient http, String url) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }
}
