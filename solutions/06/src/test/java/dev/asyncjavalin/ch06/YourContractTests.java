package dev.asyncjavalin.ch06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 6.4 (build it): a whole test class of your own, for three promises of
 * {@link Aggregator#fetchAll} that 6.1 to 6.3 leave untested. The specification is the README's
 * "Exercise 6.4 · build it: a test class for the rest of the contract".
 *
 * <p>Write everything between the markers: the fields, the set-up and tear-down, and the tests. Take
 * the aggregator from {@link Subject#aggregator}, never with {@code new}. {@link Exercise64ContractTest}
 * runs this class against every aggregator in {@link Variants}: on each correct one every test must
 * pass, and on each of MergesDuplicates, RetriesServerErrors and KeepsCallRunning at least one must fail.
 */
@Tag("exercise")
class YourContractTests {

    // EXERCISE 6.4: build this test class from the README's specification
    /** Far above what a page on loopback needs: the pages that answer never meet it. */
    private static final Duration NO_HURRY = Duration.ofSeconds(5);
    /** How long a test waits for the rows: far above the deadlines, so only a broken aggregator meets it. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    /** How long the cancel may come after the rows: microseconds on a correct aggregator, 10 s on KeepsCallRunning. */
    private static final Duration CANCEL_BOUND = Duration.ofSeconds(1);

    @StartStop
    private final MockWebServer server = new MockWebServer();
    /** One permit per call that OkHttp was told to cancel. */
    private final Semaphore cancelled = new Semaphore(0);
    private final PageClient client = PageClient.wrapping(new OkHttpClient.Builder()
            .eventListener(new EventListener() {
                @Override
                public void canceled(Call call) {
                    cancelled.release();
                }
            })
            .build());
    private final Aggregator aggregator = Subject.aggregator(client);

    @BeforeEach
    void script() {
        // the calls overlap, so the requests arrive in any order: answer by path
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return switch (request.getUrl().encodedPath()) {
                    case "/soup" -> new MockResponse.Builder().body("<title>Soup</title>").build();
                    case "/broken" -> new MockResponse.Builder().code(500).body("down").build();
                    case "/never" -> new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
                    default -> new MockResponse.Builder().code(404).build();
                };
            }
        });
    }

    @AfterEach
    void closeClient() {
        // a call that a broken aggregator left running would hold the server's close for seconds
        client.okHttp().dispatcher().cancelAll();
        client.close();
    }

    @Test
    @DisplayName("a page asked for twice has two rows, each in its place")
    void everyUrlHasItsRow() {
        String soup = url("/soup");
        String broken = url("/broken");

        assertThat(aggregator.fetchAll(List.of(soup, broken, soup), NO_HURRY)).succeedsWithin(BOUND)
                .asInstanceOf(list(PageResult.class)).extracting(PageResult::url, PageResult::status)
                .containsExactly(tuple(soup, "200"), tuple(broken, "500"), tuple(soup, "200"));
    }

    @Test
    @DisplayName("each page is asked for once, also the one that failed")
    void asksOncePerUrl() {
        List<String> urls = List.of(url("/broken"), url("/soup"), url("/broken"));

        assertThat(aggregator.fetchAll(urls, NO_HURRY)).succeedsWithin(BOUND);
        // a second try, if there was one, arrived before its row could exist
        assertThat(server.getRequestCount()).as("requests the server received for %s", urls).isEqualTo(urls.size());
    }

    @Test
    @DisplayName("at the deadline, the call to a page that never answers is cancelled, not left running")
    void deadlineCancelsTheCall() throws InterruptedException {
        assertThat(aggregator.fetchAll(List.of(url("/never")), Duration.ofMillis(200))).succeedsWithin(BOUND)
                .asInstanceOf(list(PageResult.class)).extracting(PageResult::status).containsExactly("timeout");
        // the rows may be handed over a moment before the call is cancelled: wait for it, with a bound
        assertThat(cancelled.tryAcquire(CANCEL_BOUND.toMillis(), TimeUnit.MILLISECONDS))
                .as("OkHttp was told to cancel the call that missed the deadline").isTrue();
    }

    private String url(String path) {
        return server.url(path).toString();
    }
    // END EXERCISE 6.4
}
