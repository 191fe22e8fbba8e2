package dev.asyncjavalin.ch09;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a waiting call holds, counted without a clock: calls to the upstream's {@code /held} wait
 * until the test releases them, so the threads that exist while they wait are known, not guessed.
 */
class EventLoopThreadsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int WAITING = 200;

    // tag::noThreadPerCall[]
    @Test
    @DisplayName("the event-loop model starts no thread for a waiting call: 201 calls held open run on the threads 1 call had")
    void eventLoopHoldsNoThreadPerCall() throws InterruptedException {
        try (SlowUpstream upstream = SlowUpstream.builder().start(); EventLoopModel model = new EventLoopModel(TIMEOUT)) {
            ThreadsWhileWaiting counted = whileWaiting(upstream, model::fetchAll);

            assertThat(counted.added()).as("threads that appeared while %d more calls waited", WAITING).isEmpty();
            assertThat(model.clientThreads()).isEqualTo(EventLoopModel.CLIENT_THREADS);
            assertThat(counted.rows()).hasSize(1 + WAITING).extracting(PageResult::status).containsOnly("200");
        }
    }
    // end::noThreadPerCall[]

    @Test
    @DisplayName("counted the same way, chapter 04's async model (OkHttp's enqueue) holds a thread per waiting call")
    void asyncModelHoldsAThreadPerCall() throws InterruptedException {
        PageClient client = PageClient.create(2 * WAITING, 2 * WAITING);
        try (SlowUpstream upstream = SlowUpstream.builder().start()) {
            AsyncModel model = new AsyncModel(client, TIMEOUT);
            ThreadsWhileWaiting counted = whileWaiting(upstream, model::fetchAll);

            assertThat(counted.added()).as("one dispatcher thread blocked in a read per waiting call").hasSizeGreaterThanOrEqualTo(WAITING);
            assertThat(counted.rows()).hasSize(1 + WAITING).extracting(PageResult::status).containsOnly("200");
        } finally {
            client.close();
        }
    }

    /** The names of the threads that appeared between one waiting call and 1 + WAITING, and the rows once all are released. */
    private record ThreadsWhileWaiting(List<String> added, List<PageResult> rows) {
    }

    private static ThreadsWhileWaiting whileWaiting(SlowUpstream upstream, Function<List<String>, CompletableFuture<List<PageResult>>> fetchAll)
            throws InterruptedException {
        String held = upstream.url("/held");
        CompletableFuture<List<PageResult>> first = fetchAll.apply(List.of(held)); // starts whatever threads a model starts once
        assertThat(upstream.awaitReceived(1, TIMEOUT)).as("the first call reached the upstream").isTrue();
        Set<Thread> before = threadsOutsideTheUpstream();

        CompletableFuture<List<PageResult>> more = fetchAll.apply(Collections.nCopies(WAITING, held));
        assertThat(upstream.awaitReceived(1 + WAITING, TIMEOUT)).as("every call reached the upstream, and waits there").isTrue();
        Set<Thread> added = new HashSet<>(threadsOutsideTheUpstream());
        added.removeAll(before);

        upstream.releaseHeld();
        List<PageResult> rows = new ArrayList<>(first.join());
        rows.addAll(more.join());
        return new ThreadsWhileWaiting(added.stream().map(Thread::getName).sorted().toList(), rows); // one name per thread
    }

    /** Live platform threads, but the upstream's own: it holds the other end of every waiting call. */
    private static Set<Thread> threadsOutsideTheUpstream() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> !thread.getName().startsWith("slow-upstream")).collect(Collectors.toSet());
    }
}
