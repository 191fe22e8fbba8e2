package dev.asyncjavalin.ch06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An upstream scripted by the test: OkHttp's MockWebServer answers each path the way the test
 * says, with delays and faults, and records every request it got. Where SlowUpstream imitates the
 * internet, MockWebServer lets one test say exactly what the internet does this time.
 */
class MockWebServerTest {

    private static final Duration BOUND = Duration.ofSeconds(5);

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @AutoClose
    private final PageClient client = PageClient.create(64, 64);
    private final RecipeAggregator aggregator = new RecipeAggregator(client);

    // tag::script[]
    @BeforeEach
    void script() {
        // calls overlap, so requests arrive in any order: answer by path, not by queue position
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return switch (request.getUrl().encodedPath()) {
                    case "/fast" -> page("Fast soup");
                    case "/late-headers" -> new MockResponse.Builder().body("<title>Late</title>")
                            .headersDelay(200, TimeUnit.MILLISECONDS).build();
                    case "/stalls" -> new MockResponse.Builder().body("<title>Never</title>")
                            .onResponseStart(SocketEffect.Stall.INSTANCE).build(); // never answers
                    case "/drops" -> new MockResponse.Builder()
                            .onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
                    case "/busy" -> new MockResponse.Builder().code(503).body("try later").build();
                    default -> new MockResponse.Builder().code(404).build();
                };
            }
        });
    }
    // end::script[]

    @Test
    @DisplayName("headersDelay makes a slow page: still a 200 row, and its time includes the delay")
    void delayedPage() {
        assertThat(aggregator.fetchAll(List.of(url("/late-headers")), BOUND)).succeedsWithin(BOUND)
                .asInstanceOf(list(PageResult.class)).singleElement()
                .satisfies(row -> {
                    assertThat(row.status()).isEqualTo("200");
                    // a lower bound is safe on any machine: the answer cannot come before its delay
                    assertThat(row.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
                });
    }

    // tag::faults[]
    @Test
    @DisplayName("a stall, a dropped connection and a 503 are rows of their own, between the pages that worked")
    void faultsAreRows() {
        List<String> urls = List.of(url("/fast"), url("/stalls"), url("/drops"), url("/busy"), url("/fast"));

        assertThat(aggregator.fetchAll(urls, Duration.ofMillis(500))).succeedsWithin(BOUND)
                .asInstanceOf(list(PageResult.class)).extracting(PageResult::status)
                .containsExactly("200", "timeout", "connection lost", "503", "200");
    }
    // end::faults[]

    @Test
    @DisplayName("the server records what it was asked: every URL once, with GET")
    void recordsEveryRequest() throws InterruptedException {
        List<String> urls = List.of(url("/fast"), url("/busy"), url("/late-headers"));
        aggregator.fetchAll(urls, BOUND).join(); // safe: the future always completes by its deadline

        List<String> asked = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            RecordedRequest request = server.takeRequest(); // already there: every call has ended
            asked.add(request.getMethod() + " " + request.getTarget());
        }
        assertThat(asked).containsExactlyInAnyOrder("GET /fast", "GET /busy", "GET /late-headers");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    private String url(String path) {
        return server.url(path).toString();
    }

    private static MockResponse page(String title) {
        return new MockResponse.Builder().body("<!doctype html><title>" + title + "</title>").build();
    }
}
