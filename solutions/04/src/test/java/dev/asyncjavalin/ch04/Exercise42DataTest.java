package dev.asyncjavalin.ch04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.testing.ThreadSnapshot;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two proofs, neither by a clock. The gate answers nobody until 50 loads wait together, which a
 * handler holding its request thread cannot reach on 6 threads. And while the gate is closed, the
 * test looks at every thread: one parked in {@code /data}'s handler, or in a future's
 * {@code join()}, is a thread held for a waiting request, on whichever pool it runs
 * ({@code ctx.async} and {@code supplyAsync} have pools that grow).
 */
@Tag("exercise")
@DisplayName("4.2 a non-blocking /data serves 50 clients on an 8-thread pool")
class Exercise42DataTest {

    private static final int CLIENTS = 50;
    /** /data never calls the upstream. */
    private static final UpstreamUrls NO_UPSTREAM = UpstreamUrls.of(List.of("http://localhost:9/unused"));
    /** How long the test waits for one more request to reach the gate before it calls that no progress. */
    private static final Duration NO_PROGRESS = Duration.ofSeconds(3);
    /** Only against a hang: every answer comes as soon as the gate opens or breaks. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private static final Predicate<StackTraceElement> DATA_HANDLER = ThreadSnapshot.method(App.class, "data");
    private static final Predicate<StackTraceElement> FUTURE_WAIT = frame -> frame.getClassName().equals(CompletableFuture.class.getName())
            && List.of("join", "get", "waitingGet", "timedGet").contains(frame.getMethodName());
    /**
     * The app's own code, lambdas included. Only a thread inside it counts: the JVM also holds threads
     * that wait for futures of their own (JUnit's timeout runner, the test's clients, other chapters'
     * tests when the course command runs them side by side), and none of those is the answer's doing.
     */
    private static final Predicate<StackTraceElement> APP_CODE = frame -> frame.getClassName().equals(App.class.getName())
            || frame.getClassName().startsWith(App.class.getName() + "$");

    // tag::fifty[]
    @Test
    @DisplayName("50 requests to /data wait together on a pool with 6 threads for requests, and no thread waits with them")
    void fiftyClientsOnEightThreads() {
        GatedData gate = new GatedData(CLIENTS);
        Settings eightThreads = Settings.defaults().withPoolSize(8).withData(() -> gate);
        JavalinTest.test(App.create(NO_UPSTREAM, eightThreads), (server, client) -> {
            CompletableFuture<List<Clients.Answer>> sent = Clients.sendAtOnce(server.port(), "/data", CLIENTS, HANG_GUARD);
            openWhenAllWait(gate, sent);
            List<Clients.Answer> answers = sent.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);

            if (answers.stream().anyMatch(answer -> answer.status() == 200 && answer.body().isEmpty())) {
                fail("Exercise 4.2: 200 with an empty body: ctx.future ignores the future's value (call ctx.result inside"
                        + " thenAccept), and ctx.async ends the response as soon as its task returns");
            }
            List<String> notServed = answers.stream()
                    .filter(answer -> answer.status() != 200 || !answer.body().startsWith(GatedData.OPENED))
                    .map(answer -> answer.status() + " " + answer.body().lines().findFirst().orElse(""))
                    .distinct().toList();
            assertThat(notServed).as("Exercise 4.2: answers that did not come through the open gate").isEmpty();
            assertThat(answers).as("Exercise 4.2: each answer names the request thread that asked: dataAnswer(loaded, requestThread)")
                    .allMatch(answer -> answer.body().contains("\nasked on thread request-"));
        });
    }
    // end::fifty[]

    /**
     * Opens the gate once 50 loads wait together and no thread is left in the handler. Fails, after
     * breaking the gate so that every request ends, as soon as a thread is seen waiting for the
     * data, or when no further request reaches the gate for {@link #NO_PROGRESS}.
     */
    private static void openWhenAllWait(GatedData gate, CompletableFuture<?> answers) {
        int waiting = -1;
        long lastProgress = System.nanoTime();
        while (!answers.isDone()) { // all answered with the gate closed: the checks on the answers say what came instead
            List<ThreadSnapshot> threads = ThreadSnapshot.others();
            List<String> held = threads.stream()
                    .filter(thread -> thread.parked() && thread.inside(APP_CODE) && (thread.inside(DATA_HANDLER) || thread.inside(FUTURE_WAIT)))
                    .map(thread -> thread.name() + " parked in " + thread.innermost(DATA_HANDLER).or(() -> thread.innermost(FUTURE_WAIT)).orElseThrow())
                    .toList();
            if (!held.isEmpty()) {
                gate.breakOpen("a thread waited for the data");
                fail("Exercise 4.2: the answer held a thread while it waited for the data (%s; %d in all). ctx.async or"
                        + " supplyAsync + join() only move the wait to another pool; hand ctx.future the future of data.load()",
                        held.get(0), held.size());
            }
            if (gate.full() && threads.stream().noneMatch(thread -> thread.inside(DATA_HANDLER))) {
                gate.open();
                return;
            }
            if (gate.mostWaiting() > waiting) {
                waiting = gate.mostWaiting();
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > NO_PROGRESS.toNanos()) {
                gate.breakOpen("no progress");
                fail("Exercise 4.2: at most %d of %d requests were waiting for the data together, and none more came for %d s",
                        waiting, CLIENTS, NO_PROGRESS.toSeconds());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // the next look; nothing is timed by it
        }
        gate.breakOpen("every request had its answer before the gate opened");
    }
}
