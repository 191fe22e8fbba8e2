package dev.asyncjavalin.ch02;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.PageResult;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * No clock decides these tests. The fetcher reads the budget's time from the clock it is given;
 * here that clock moves only when the fake upstream (an interceptor: no call reaches the network)
 * says a call took time, and a call that takes as long as its timeout or longer ends as OkHttp's
 * call timeout ends it, exactly at the timeout. The fake's times are long (tens of seconds) so that
 * OkHttp's real timeout, armed with the same value, never fires while the fake answers at once.
 */
@Tag("exercise")
@DisplayName("2.3 one time budget for the whole page")
class Exercise23PageBudgetTest {

    private static final Duration BUDGET = Duration.ofSeconds(60);
    /** Where the fake clock starts: anything but 0, so a fetcher that takes "now" for "time spent" is caught. */
    private static final long START = Duration.ofHours(1).toNanos();

    private final AtomicLong fakeNow = new AtomicLong(START);
    /** Every call that reached the fake upstream, in order, with the timeout it was given. */
    private final List<Made> made = new CopyOnWriteArrayList<>();
    private final AtomicInteger bodiesOpened = new AtomicInteger();
    private final AtomicInteger bodiesClosed = new AtomicInteger();
    private final OkHttpClient fakeClient = UpstreamClient.create().newBuilder().addInterceptor(this::fakeUpstream).build();

    record Made(String page, long timeoutNanos) {
    }

    @AfterEach
    void shutDown() {
        UpstreamClient.shutDown(fakeClient);
    }

    // --- the fake upstream: what a URL does is written in it -------------------------------------------------

    /** A page that answers 200 after {@code takes} of the fake clock's time. */
    private static String page(String name, Duration takes) {
        return "http://upstream.test/" + name + "?takes=" + takes.toNanos();
    }

    /** A page that never answers: its call ends at its timeout. */
    private static String hanging(String name) {
        return "http://upstream.test/" + name + "?takes=forever";
    }

    /** A port where nothing listens: the call fails at once. */
    private static String refused(String name) {
        return "http://upstream.test/" + name + "?fails=refused";
    }

    /** A page that answers HTTP 500 at once. */
    private static String failing(String name) {
        return "http://upstream.test/" + name + "?fails=500";
    }

    private Response fakeUpstream(Interceptor.Chain chain) throws java.io.IOException {
        HttpUrl url = chain.request().url();
        long timeout = chain.call().timeout().timeoutNanos();
        made.add(new Made(url.pathSegments().get(0), timeout));
        String fails = url.queryParameter("fails");
        if ("refused".equals(fails)) {
            throw new ConnectException("Failed to connect to upstream.test/127.0.0.1:9");
        }
        if ("500".equals(fails)) {
            return answer(chain, 500, "simulated upstream failure");
        }
        String takes = url.queryParameter("takes");
        long cost = "forever".equals(takes) ? Long.MAX_VALUE : Long.parseLong(takes);
        if (timeout == 0 && cost == Long.MAX_VALUE) {
            // without a timeout this call would hang for good; the check ends it, and the recorded 0 says why
            throw new InterruptedIOException("the check's fake upstream ended a call that had no timeout");
        }
        if (timeout > 0 && cost >= timeout) {
            fakeNow.addAndGet(timeout);
            throw new InterruptedIOException("timeout");
        }
        fakeNow.addAndGet(cost);
        return answer(chain, 200, "<title>" + url.pathSegments().get(0) + "</title>");
    }

    /** An answer whose body notes that it was closed: an unclosed response keeps its connection. */
    private Response answer(Interceptor.Chain chain, int code, String body) {
        ResponseBody content = ResponseBody.create(body, MediaType.get("text/html"));
        bodiesOpened.incrementAndGet();
        ResponseBody noted = new ResponseBody() {
            @Override
            public MediaType contentType() {
                return content.contentType();
            }

            @Override
            public long contentLength() {
                return content.contentLength();
            }

            @Override
            public BufferedSource source() {
                return content.source();
            }

            @Override
            public void close() {
                bodiesClosed.incrementAndGet();
                content.close();
            }
        };
        return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1)
                .code(code).message(code == 200 ? "OK" : "Server Error").body(noted).build();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private List<PageResult> fetchAll(OkHttpClient client, LongSupplier clock, List<String> urls, Duration budget) {
        try {
            return new BudgetFetcher(client, clock).fetchAll(urls, budget);
        } catch (ExerciseNotSolved notYet) {
            throw notYet;
        } catch (RuntimeException thrown) {
            throw new AssertionError("Exercise 2.3: fetchAll threw " + thrown + ": every URL must become a row"
                    + " (a failed call too), never an exception that turns the page into a 500", thrown);
        }
    }

    private List<PageResult> fetchAll(List<String> urls, Duration budget) {
        return fetchAll(fakeClient, fakeNow::get, urls, budget);
    }

    private static List<String> statuses(List<PageResult> rows) {
        return rows.stream().map(PageResult::status).toList();
    }

    private List<String> pagesRequested() {
        return made.stream().map(Made::page).toList();
    }

    private List<Long> timeoutsGiven() {
        return made.stream().map(Made::timeoutNanos).toList();
    }

    private static long nanos(Duration duration) {
        return duration.toNanos();
    }

    // --- the checks ------------------------------------------------------------------------------------------

    @Test
    @DisplayName("each call's timeout is what is left of the page's budget, and every response is closed")
    void eachCallGetsWhatIsLeft() {
        List<String> urls = List.of(page("a", Duration.ofSeconds(20)), page("b", Duration.ofMillis(15_500)), page("c", Duration.ofSeconds(10)));
        List<PageResult> rows = fetchAll(urls, BUDGET);

        assertThat(rows).extracting(PageResult::url).as("Exercise 2.3: one row per URL, in the order given").containsExactlyElementsOf(urls);
        List<Long> expected = List.of(nanos(BUDGET), nanos(Duration.ofSeconds(40)), nanos(Duration.ofMillis(24_500)));
        assertThat(timeoutsGiven())
                .as("Exercise 2.3: the timeout (ns) each call got. With a 60 s budget, pages of 20 s and 15.5 s leave 40 s for"
                        + " the second call and 24.5 s for the third: %s. The same value for every call is a hard-coded timeout;"
                        + " 10 s for every call is the client's default, the call's own timeout was never set", describe(timeoutsGiven()))
                .containsExactlyElementsOf(expected);
        assertThat(statuses(rows)).as("Exercise 2.3: three pages that fit in the budget (20 + 15.5 + 10 of 60 s) all load")
                .containsExactly("200", "200", "200");
        assertThat(bodiesClosed.get())
                .as("Exercise 2.3: %s of %s responses were closed: an unclosed response keeps its connection from the pool"
                        + " (try-with-resources around call.execute())", bodiesClosed.get(), bodiesOpened.get())
                .isEqualTo(bodiesOpened.get());
    }

    @Test
    @DisplayName("once the budget is spent the page ends, and the URLs left are 'skipped' rows, never requested")
    void spentBudgetSkipsTheRest() {
        List<String> urls = List.of(page("a", Duration.ofSeconds(20)), hanging("b"), page("c", Duration.ofSeconds(1)), page("d", Duration.ofSeconds(1)));
        List<PageResult> rows = fetchAll(urls, BUDGET);

        assertThat(pagesRequested())
                .as("Exercise 2.3: the pages requested. b hangs until its timeout, the 40 s left, so the budget is spent after it:"
                        + " c and d must never be requested (timeouts given, ns: %s)", describe(timeoutsGiven()))
                .containsExactly("a", "b");
        assertThat(statuses(rows)).as("Exercise 2.3: status column for [20 s page, page that hangs, 1 s page, 1 s page] with a 60 s budget;"
                        + " b ran out of time (timeout), c and d were never requested (skipped): one row for every URL, none twice")
                .containsExactly("200", "timeout", "skipped", "skipped");
        assertThat(Duration.ofNanos(fakeNow.get() - START))
                .as("Exercise 2.3: time the page took, by the check's clock: it must end at its 60 s budget, not after it")
                .isEqualTo(BUDGET);
        assertThat(rows.subList(2, 4)).allSatisfy(row -> {
            assertThat(row.elapsed()).as("Exercise 2.3: a skipped row's time: it made no call, so it took no time").isZero();
            assertThat(row.detail()).as("Exercise 2.3: a skipped row's detail must say that the page's budget (60000 ms) was spent")
                    .contains("60000 ms");
        });
    }

    @Test
    @DisplayName("less than a millisecond left is still a timeout for the call, never no timeout at all")
    void aFractionOfAMillisecondIsATimeout() {
        Duration almostAll = BUDGET.minusNanos(400_000);
        List<String> urls = List.of(page("a", almostAll), hanging("b"), page("c", Duration.ofSeconds(1)));
        List<PageResult> rows = fetchAll(urls, BUDGET);

        assertThat(timeoutsGiven())
                .as("Exercise 2.3: the timeout (ns) each call got. a leaves 0.4 ms of the budget, and b must get exactly that:"
                        + " in whole milliseconds it is 0, and a timeout of 0 means no timeout at all to OkHttp: the call would"
                        + " hang for good (got %s)", describe(timeoutsGiven()))
                .containsExactly(nanos(BUDGET), 400_000L);
        assertThat(statuses(rows)).as("Exercise 2.3: status column for [page taking all but 0.4 ms, page that hangs, 1 s page]")
                .containsExactly("200", "timeout", "skipped");
    }

    @Test
    @DisplayName("a budget of zero requests nothing: every row is skipped")
    void zeroBudgetRequestsNothing() {
        List<String> urls = List.of(page("a", Duration.ofSeconds(1)), page("b", Duration.ofSeconds(1)));
        List<PageResult> rows = fetchAll(urls, Duration.ZERO);

        assertThat(pagesRequested())
                .as("Exercise 2.3: pages requested with a budget of zero: none. Nothing is left when the remaining budget is 0, and"
                        + " OkHttp reads a timeout of 0 as no timeout at all (timeouts given, ns: %s)", describe(timeoutsGiven()))
                .isEmpty();
        assertThat(statuses(rows)).as("Exercise 2.3: status column with a budget of zero").containsExactly("skipped", "skipped");
    }

    @Test
    @DisplayName("a failed call keeps its own row, and the pages after it are still fetched")
    void failureKeepsItsRow() {
        List<String> urls = List.of(refused("a"), failing("b"), page("c", Duration.ofSeconds(1)));
        List<PageResult> rows = fetchAll(urls, BUDGET);

        assertThat(rows).extracting(PageResult::url).as("Exercise 2.3: one row per URL, in order: a failed call is a row, not a gap")
                .containsExactlyElementsOf(urls);
        assertThat(statuses(rows)).as("Exercise 2.3: status column for [refused connection, HTTP 500, page]: a failure is a row"
                        + " with what happened (Outcome.of names an IOException), and it leaves the rest of the budget to the next pages")
                .containsExactly("unreachable", "500", "200");
        assertThat(rows.get(0).detail()).as("Exercise 2.3: the unreachable row's detail must say what happened").isNotBlank();
        assertThat(pagesRequested()).as("Exercise 2.3: pages requested").containsExactly("a", "b", "c");
    }

    @Test
    @DisplayName("with the real upstream, a page that never answers ends at the budget and the next URL is never requested")
    void realCallEndsAtTheBudget() {
        List<String> requested = new CopyOnWriteArrayList<>();
        // a read timeout of its own ends a call that was given no timeout long before the client's 10 s; the
        // fake-upstream checks above are what prove each call's timeout, this one proves it on a real socket
        OkHttpClient client = UpstreamClient.create().newBuilder()
                .readTimeout(Duration.ofSeconds(2))
                .addInterceptor(chain -> {
                    requested.add(chain.request().url().encodedPath());
                    return chain.proceed(chain.request());
                })
                .build();
        try (SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ofMillis(10)).start()) {
            List<String> urls = List.of(upstream.url("/hang"), upstream.url("/recipes/1"));
            List<PageResult> rows = fetchAll(client, System::nanoTime, urls, Duration.ofMillis(300));

            // the real call timeout fires at the budget at the earliest, so by then nothing is left: this holds on any machine
            assertThat(statuses(rows)).as("Exercise 2.3: status column for [/hang, /recipes/1] with a 300 ms budget on the real upstream")
                    .containsExactly("timeout", "skipped");
            assertThat(requested).as("Exercise 2.3: pages requested from the real upstream").containsExactly("/hang");
        } finally {
            UpstreamClient.shutDown(client);
        }
    }

    /** Nanoseconds as milliseconds, for a person reading a failure. */
    private static String describe(List<Long> timeouts) {
        return timeouts.stream().map(ns -> ns % 1_000_000 == 0 ? ns / 1_000_000 + " ms" : ns / 1e6 + " ms").toList().toString();
    }
}
