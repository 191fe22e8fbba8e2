package dev.asyncjavalin.ch03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.asyncjavalin.ch03.PooledFetcher.PageFetch;
import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PooledFetcher against fake blocking calls: barriers and latches decide when each call ends, so
 * nothing here depends on how fast the machine is. Only the deadline test waits, for its 500 ms
 * deadline; the other bounds only keep a wrong answer from hanging the check, a right one never meets them.
 */
@Tag("exercise")
@DisplayName("3.3 a pool of its own fetches the page by its deadline")
class Exercise33PooledFetcherTest {

    /** Long enough that a right answer never meets it: a call that waits this long was never released. */
    private static final Duration NEVER = Duration.ofSeconds(5);
    /** The page deadline where the test does not want one to pass. */
    private static final Duration GENEROUS = Duration.ofSeconds(5);

    /** Every thread the fetcher's pool made, so the test can see whether it outlives the page. */
    private final List<Thread> poolThreads = new CopyOnWriteArrayList<>();
    private final ThreadFactory threadFactory = task -> {
        Thread thread = new Thread(task, "pooled-fetcher-" + (poolThreads.size() + 1));
        thread.setDaemon(true); // a wrong answer's leaked thread must not keep the check's JVM alive
        poolThreads.add(thread);
        return thread;
    };

    private static PageResult ok(String url) {
        return new PageResult(url, Outcome.OK, 200, "a recipe", "", Duration.ofMillis(1));
    }

    private List<PageResult> fetchAll(PageFetch fetch, int threads, List<String> urls, Duration deadline) {
        // the bound keeps an answer that never returns from hanging the check; a right one returns long before it
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new PooledFetcher(fetch, threads, threadFactory).fetchAll(urls, deadline),
                "Exercise 3.3: fetchAll did not return: does it wait for a call that never answers, past the page deadline?");
    }

    @Test
    @DisplayName("all calls are in flight at once: a barrier of 4 is passed by 4 calls on 4 threads")
    void callsOverlap() {
        CyclicBarrier allFour = new CyclicBarrier(4);
        PageFetch meetAtBarrier = url -> {
            try {
                allFour.await(NEVER.toMillis(), TimeUnit.MILLISECONDS); // passes only when 4 calls wait here together
                return ok(url);
            } catch (Exception e) {
                throw new InterruptedIOException("never met the other calls at the barrier");
            }
        };
        List<String> urls = List.of("/a", "/b", "/c", "/d");

        List<PageResult> rows = fetchAll(meetAtBarrier, 4, urls, GENEROUS);

        assertThat(rows).extracting(PageResult::status)
                .as("Exercise 3.3: the 4 calls never were in flight together (a barrier of 4 never opened), so the page"
                        + " deadline ended them: do they run one after another, or on fewer threads than asked?")
                .containsExactly("200", "200", "200", "200");
    }

    @Test
    @DisplayName("rows come back in the order of the URLs, though the calls finish in reverse")
    void rowsInInputOrder() {
        List<String> urls = List.of("/first", "/second", "/third");
        // each call waits until the next one has returned, its row handed over: /third ends first, /first last
        Map<String, CountDownLatch> finished = new ConcurrentHashMap<>();
        Map<String, Thread> ranOn = new ConcurrentHashMap<>();
        urls.forEach(url -> finished.put(url, new CountDownLatch(1)));
        PageFetch reverse = url -> {
            ranOn.put(url, Thread.currentThread());
            int next = urls.indexOf(url) + 1;
            try {
                if (next < urls.size()) {
                    if (!finished.get(urls.get(next)).await(NEVER.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new SocketTimeoutException("the next call never finished");
                    }
                    awaitReturned(ranOn.get(urls.get(next)));
                }
            } catch (InterruptedException e) {
                throw new InterruptedIOException("interrupted");
            }
            finished.get(url).countDown();
            return ok(url);
        };

        List<PageResult> rows = fetchAll(reverse, 3, urls, GENEROUS);

        assertThat(rows).extracting(PageResult::url)
                .as("Exercise 3.3: rows must follow the URLs' order, not the order the calls finished (here the reverse)")
                .containsExactlyElementsOf(urls);
        assertThat(rows).extracting(PageResult::status).as("Exercise 3.3: all three calls answered").containsOnly("200");
    }

    /**
     * Until the call that ran on {@code thread} has returned and its result is handed over: the thread
     * is back in its pool waiting for work, or has ended. A countdown just before a call returns is
     * not enough: the next call could finish its own hand-over first, and the calls would end in order.
     */
    private static void awaitReturned(Thread thread) throws SocketTimeoutException {
        long end = System.nanoTime() + NEVER.toNanos();
        while (stillInCall(thread)) {
            if (System.nanoTime() > end) {
                throw new SocketTimeoutException("the next call never returned");
            }
            Thread.yield();
        }
    }

    private static boolean stillInCall(Thread thread) {
        Thread.State state = thread.getState();
        if (state == Thread.State.TERMINATED) {
            return false;
        }
        if (state == Thread.State.RUNNABLE || state == Thread.State.BLOCKED) {
            return true;
        }
        // parked: waiting for the next task, or still inside the call or the hand-over of its result
        return Arrays.stream(thread.getStackTrace()).map(StackTraceElement::getClassName).anyMatch(name ->
                name.startsWith("dev.asyncjavalin.") || name.startsWith("java.util.concurrent.FutureTask")
                        || name.startsWith("java.util.concurrent.CompletableFuture"));
    }

    @Test
    @DisplayName("each failed call is a row with its own status; the others keep theirs")
    void failuresBecomeRows() {
        Map<String, IOException> faults = Map.of(
                "/refused", new ConnectException("Connection refused"),
                "/dropped", new IOException("unexpected end of stream"),
                "/slow", new SocketTimeoutException("timeout"));
        PageFetch someFail = url -> {
            if (faults.containsKey(url)) {
                throw faults.get(url);
            }
            return ok(url);
        };
        List<String> urls = List.of("/refused", "/fine", "/dropped", "/slow", "/also-fine");

        List<PageResult> rows = fetchAll(someFail, 2, urls, GENEROUS);

        assertThat(rows).as("Exercise 3.3: one row per URL, failed calls included: a failure is a row, never dropped").hasSize(5);
        assertThat(rows).extracting(PageResult::url).as("Exercise 3.3: rows in the URLs' order").containsExactlyElementsOf(urls);
        assertThat(rows).extracting(PageResult::status)
                .as("Exercise 3.3: each failure has its own label (Outcome.of(e) names an IOException), and the good rows stay 200")
                .containsExactly("unreachable", "200", "connection lost", "timeout", "200");
        assertThat(rows.get(2).detail())
                .as("Exercise 3.3: a failed row says in words what happened (Outcome.detail(e)), not nothing and not a class name")
                .isEqualTo("unexpected end of stream");
    }

    @Test
    @DisplayName("at the page deadline a late call is a 'timeout' row, is cancelled, and leaves no thread behind")
    void lateCallIsCancelled() throws InterruptedException {
        Duration deadline = Duration.ofMillis(500);
        CountDownLatch interrupted = new CountDownLatch(1);
        PageFetch oneLate = url -> {
            if (!url.equals("/late")) {
                return ok(url);
            }
            try {
                new CountDownLatch(1).await(NEVER.toMillis(), TimeUnit.MILLISECONDS); // nobody answers: only an interrupt ends it early
                return ok(url); // the page waited for it past its deadline
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw new InterruptedIOException("cancelled");
            }
        };

        List<PageResult> rows = fetchAll(oneLate, 3, List.of("/early", "/late", "/also-early"), deadline);

        assertThat(rows).extracting(PageResult::status)
                .as("Exercise 3.3: the call still running at the page deadline must be a 'timeout' row, and the others keep"
                        + " their 200 (a 200 for /late means the page waited for it past its deadline)")
                .containsExactly("200", "timeout", "200");
        assertThat(rows.get(1).elapsed())
                .as("Exercise 3.3: the timeout row's time is the %s ms the page waited for it, not %s ms", deadline.toMillis(), rows.get(1).millis())
                .isGreaterThanOrEqualTo(deadline);
        assertThat(interrupted.await(NEVER.toMillis(), TimeUnit.MILLISECONDS))
                .as("Exercise 3.3: the late call was never cancelled (never interrupted): it kept a pool thread and the"
                        + " upstream busy after the page was answered")
                .isTrue();
        noPoolThreadLeft();
    }

    @Test
    @DisplayName("the pool has at most the threads asked for, and none outlives fetchAll")
    void poolIsBoundedAndShutDown() throws InterruptedException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        PageFetch counted = url -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            inFlight.decrementAndGet();
            return ok(url);
        };
        List<String> urls = List.of("/1", "/2", "/3", "/4", "/5", "/6", "/7", "/8");

        List<PageResult> rows = fetchAll(counted, 2, urls, GENEROUS);

        assertThat(rows).extracting(PageResult::status).as("Exercise 3.3: 8 calls, 8 rows of 200").hasSize(8).containsOnly("200");
        assertThat(poolThreads)
                .as("Exercise 3.3: 8 calls with threads = 2 made %s threads: the pool must be bounded by its threads argument,"
                        + " not a thread per call", poolThreads.size())
                .hasSizeBetween(1, 2);
        assertThat(mostInFlight.get()).as("Exercise 3.3: more calls ran at once than the pool's 2 threads").isLessThanOrEqualTo(2);
        noPoolThreadLeft();
    }

    @Test
    @DisplayName("a bug in a call (not an IOException) is not hidden as a row, and still leaves no thread behind")
    void bugIsNotARow() throws InterruptedException {
        PageFetch buggy = url -> {
            if (url.equals("/buggy")) {
                throw new IllegalStateException("a bug in the page parser");
            }
            return ok(url);
        };
        PooledFetcher fetcher = new PooledFetcher(buggy, 2, threadFactory);

        Throwable thrown = catchThrowable(() -> fetcher.fetchAll(List.of("/fine", "/buggy"), GENEROUS));

        assertThat(thrown)
                .as("Exercise 3.3: a RuntimeException from a call is a bug, not an upstream fault: fetchAll must throw it"
                        + " (unwrapped) so the app's error handling sees it, instead of hiding it in a row")
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a bug in the page parser");
        noPoolThreadLeft();
    }

    @Test
    @DisplayName("no URLs: no rows, and no thread started")
    void emptyPage() {
        List<PageResult> rows = fetchAll(url -> ok(url), 4, List.of(), GENEROUS);

        assertThat(rows).as("Exercise 3.3: no URLs, no rows").isEmpty();
        assertThat(poolThreads).as("Exercise 3.3: a page with no URLs needs no thread").isEmpty();
    }

    /** Every thread the pool made ends once its pool is shut down; one still alive was leaked. */
    private void noPoolThreadLeft() throws InterruptedException {
        for (Thread thread : poolThreads) {
            thread.join(NEVER.toMillis()); // a shut-down pool's threads end at once; the bound only stops a leak from hanging the check
            assertThat(thread.isAlive())
                    .as("Exercise 3.3: the pool's thread %s is still alive after fetchAll returned: shut the pool down,"
                            + " on every path (finally)", thread.getName())
                    .isFalse();
        }
    }
}
