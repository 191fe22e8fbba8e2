package dev.asyncjavalin.ch03;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.testing.ResultRows;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("3.2 ten calls to one host run in one wave")
class Exercise32DispatcherTest {

    /** Enqueued calls whose answers nobody needs: the test only counts how many the Dispatcher runs. */
    private static final Callback IGNORED = new Callback() {
        @Override
        public void onFailure(Call call, IOException e) {
        }

        @Override
        public void onResponse(Call call, Response response) {
            response.close();
        }
    };

    // tag::wave[]
    @Test
    @DisplayName("all 10 pages are in flight at once (a barrier of 10 answers them)")
    void tenCallsInOneWave() {
        dispatcherRunsAllAtOnce(); // a limit that holds calls back fails here, without waiting for the barrier
        try (SlowUpstream upstream = SlowUpstream.builder().pages(10).barrier(10).start()) {
            JavalinTest.test(App.create(upstream.urls()), (server, client) -> {
                String html = client.get("/async_get_urls_v1").body().string();

                assertThat(upstream.maxInFlight())
                        .as("Exercise 3.2: at most %s calls reached the upstream at once, not 10: does the Dispatcher's executor"
                                + " have a thread for each call?", upstream.maxInFlight())
                        .isEqualTo(10);
                assertThat(ResultRows.statuses(html)).as("Exercise 3.2: 504 or timeout means the 10 calls were never in flight together")
                        .hasSize(10).containsOnly("200");
            });
        }
    }
    // end::wave[]

    /** The Dispatcher's own count, known the moment the calls are enqueued: no waiting, no clock. */
    private static void dispatcherRunsAllAtOnce() {
        try (SlowUpstream hanging = SlowUpstream.start()) {
            OkHttpClient client = UpstreamClient.create();
            Dispatcher dispatcher = client.dispatcher();
            for (int i = 0; i < UpstreamClient.MAX_CALLS_PER_HOST; i++) {
                client.newCall(new Request.Builder().url(hanging.url("/hang")).build()).enqueue(IGNORED);
            }
            int running = dispatcher.runningCallsCount();
            dispatcher.cancelAll();
            UpstreamClient.shutdown(client);
            assertThat(running)
                    .as("Exercise 3.2: of 10 calls to one host the Dispatcher runs %s and queues the rest (maxRequests=%s,"
                            + " maxRequestsPerHost=%s); both limits must allow MAX_CALLS_PER_HOST",
                            running, dispatcher.getMaxRequests(), dispatcher.getMaxRequestsPerHost())
                    .isEqualTo(UpstreamClient.MAX_CALLS_PER_HOST);
        }
    }
}
