package dev.asyncjavalin.ch04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.asyncjavalin.lab.Lab;
import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageResult;
import dev.asyncjavalin.lab.testing.ThreadSnapshot;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The route is built around fake page sources, so every proof is an event, never a clock. A gate
 * answers no fetch until 24 of them wait together, which 12 requests cannot reach on 6 request
 * threads if each handler holds its thread; meanwhile the test looks at every thread, as 4.2's
 * check does, and one parked in the route's code fails it at once. Sources that fail, or throw,
 * prove that a broken page becomes its own line; titles made up per run catch an answer written
 * in advance.
 */
@Tag("exercise")
@DisplayName("4.3 a /pages route with its own error handling")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first failure a learner reads is the main test's
class Exercise43PickedPagesTest {

    /** Seven pages, not the app's ten: a limit written as 10 shows. */
    private static final List<String> PAGES = IntStream.rangeClosed(1, 7).mapToObj(n -> "http://pages.test/recipes/" + n).toList();
    private static final int CLIENTS = 12;
    private static final String TWO_PICKS = "/pages?pick=2,7";
    /** Made up per run, so that only an answer built from the source's rows can show it. */
    private static final String TITLES = "Recipe " + Long.toHexString(ThreadLocalRandom.current().nextLong()) + " from ";
    private static final String SECRET = "parser state 0x2f at offset 113";
    /** How long the test waits for one more fetch to reach the gate before it calls that no progress. */
    private static final Duration NO_PROGRESS = Duration.ofSeconds(3);
    /** Only against a hang: every answer comes as soon as the gate opens or breaks. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private static final Predicate<StackTraceElement> HANDLER = ThreadSnapshot.method(PickedPages.class, "handle");
    private static final Predicate<StackTraceElement> FUTURE_WAIT = frame -> frame.getClassName().equals(CompletableFuture.class.getName())
            && List.of("join", "get", "waitingGet", "timedGet").contains(frame.getMethodName());
    /** The route's own code, lambdas included: other threads of the JVM may wait for futures of their own. */
    private static final Predicate<StackTraceElement> ROUTE_CODE = frame -> frame.getClassName().equals(PickedPages.class.getName())
            || frame.getClassName().startsWith(PickedPages.class.getName() + "$");

    // tag::gate[]
    @Test
    @Order(1)
    @DisplayName("12 requests wait together for their 24 pages on 6 request threads, no thread waits with them, and the lines are written on answerOn")
    void manyRequestsWaitWithoutThreads() throws Exception {
        GatedPages gate = new GatedPages(TITLES);
        AtomicInteger answerOnTasks = new AtomicInteger();
        JavalinTest.test(app(gate, answerOnTasks), (server, client) -> {
            CompletableFuture<List<Clients.Answer>> sent = Clients.sendAtOnce(server.port(), TWO_PICKS, CLIENTS, HANG_GUARD);
            openWhenAllWait(gate, sent);
            List<Clients.Answer> answers = sent.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);

            String expected = "page 2: 200, " + gate.title(PAGES.get(1)) + "\npage 7: 200, " + gate.title(PAGES.get(6)) + "\n";
            List<String> wrong = answers.stream().filter(answer -> answer.status() != 200 || !answer.body().equals(expected))
                    .map(answer -> answer.status() + " " + answer.body().strip()).distinct().toList();
            assertThat(wrong).as("Exercise 4.3: answers to %s that are not 200 with the source's rows, one line per page in the"
                    + " order picked (page N: status, title); expected:%n%s", TWO_PICKS, expected).isEmpty();
            assertThat(answerOnTasks.get()).as("Exercise 4.3: stages run on answerOn for %d answers: write the lines in a stage run on"
                    + " answerOn (an ...Async stage), not on whichever thread completed the last page (a timer's, OkHttp's)", CLIENTS)
                    .isGreaterThanOrEqualTo(CLIENTS);
        });
    }
    // end::gate[]

    // tag::failures[]
    @Test
    @Order(2)
    @DisplayName("a timeout row, a future that fails and a source that throws each become their page's line; the other pages still show")
    void failuresAreLines() {
        PickedPages.PageSource faulty = url -> switch (url.substring(url.lastIndexOf('/') + 1)) {
            case "2" -> CompletableFuture.completedFuture(PageResult.failed(url, Outcome.TIMEOUT, "no answer within 3000 ms", Duration.ofSeconds(3)));
            case "3" -> CompletableFuture.completedFuture(answered(url)).<PageResult>thenApply(row -> {
                throw new IllegalStateException(SECRET); // a bug in a later stage of the page's chain
            });
            case "4" -> throw new IllegalArgumentException(SECRET); // a bug before the future even exists
            default -> CompletableFuture.completedFuture(answered(url));
        };
        JavalinTest.test(app(faulty, new AtomicInteger()), (server, client) -> {
            var response = client.get("/pages?pick=5,3,1,4,2");
            String body = response.body().string();

            if (response.code() == 500) {
                fail("Exercise 4.3: a 500: an exception thrown inside a page's chain, or by the source itself, reached Javalin;"
                        + " it must become that page's line (status 'error') while the other pages still show. Got: %s", body.strip());
            }
            assertThat(response.code()).as("Exercise 4.3: the status of /pages?pick=5,3,1,4,2 (answer: %s)", body.strip()).isEqualTo(200);
            if (body.contains(SECRET) || body.contains("Exception") || body.contains("\tat ")) {
                fail("Exercise 4.3: the answer shows the exception to the visitor (%s): log it on the server, and give the page's"
                        + " line a sentence instead", body.strip());
            }
            List<String> lines = body.lines().toList();
            if (!lines.contains("page 5: 200, " + answered(PAGES.get(4)).title()) || !lines.contains("page 1: 200, " + answered(PAGES.get(0)).title())) {
                fail("Exercise 4.3: the pages that answered are missing (got: '%s'): one failure must not take the other pages with it"
                        + " (an exceptionally on the whole answer swallows them all); handle each page's failure on its own future", body.strip());
            }
            assertThat(lines).as("Exercise 4.3: one line per picked page, in the order picked (5,3,1,4,2)").hasSize(5);
            assertThat(lines.get(1)).as("Exercise 4.3: the line of page 3, whose future failed inside its chain").startsWith("page 3: error, ");
            assertThat(lines.get(3)).as("Exercise 4.3: the line of page 4, whose source threw instead of returning a future").startsWith("page 4: error, ");
            assertThat(lines.get(4)).as("Exercise 4.3: the line of page 2, a timeout row: its status and its detail")
                    .isEqualTo("page 2: timeout, no answer within 3000 ms");
        });
    }
    // end::failures[]

    @Test
    @Order(3)
    @DisplayName("the limits are allowed: five picks, pages 1 and 7, a page picked twice")
    void limitsAreAllowed() {
        JavalinTest.test(app(url -> CompletableFuture.completedFuture(answered(url)), new AtomicInteger()), (server, client) -> {
            var response = client.get("/pages?pick=7,1,7,1,7");
            String body = response.body().string();

            assertThat(response.code()).as("Exercise 4.3: ?pick=7,1,7,1,7 is five picks from 1 to 7, all allowed (answer: %s)", body.strip()).isEqualTo(200);
            assertThat(body.lines().map(line -> line.substring(0, line.indexOf(':'))).toList()).as("Exercise 4.3: the lines of ?pick=7,1,7,1,7")
                    .containsExactly("page 7", "page 1", "page 7", "page 1", "page 7");
        });
    }

    // tag::badInput[]
    @Test
    @Order(4)
    @DisplayName("a bad ?pick= is a 400 that says what pick takes, before any page is fetched")
    void badPickIs400BeforeAnyFetch() {
        AtomicInteger fetches = new AtomicInteger();
        PickedPages.PageSource counting = url -> {
            fetches.incrementAndGet();
            return CompletableFuture.completedFuture(answered(url));
        };
        List<String> bad = new ArrayList<>();
        bad.add(null); // no ?pick= at all
        bad.addAll(List.of("", "abc", "0", "8", "1,,2", "3,", "1,2,3,4,5,6", "+3", " 3", "99999999999", "2;3"));
        JavalinTest.test(app(counting, new AtomicInteger()), (server, client) -> {
            for (String pick : bad) {
                String path = pick == null ? "/pages" : "/pages?pick=" + URLEncoder.encode(pick, StandardCharsets.UTF_8);
                var response = client.get(path);
                String body = response.body().string();

                if (response.code() == 500) {
                    fail("Exercise 4.3: %s answered 500 (%s): check ?pick= before anything else, and answer a bad one with a 400"
                            + " and a sentence", path, body.strip());
                }
                assertThat(response.code()).as("Exercise 4.3: the status of %s (answer: %s)", path, body.strip()).isEqualTo(400);
                assertThat(body).as("Exercise 4.3: the 400 for %s names the parameter and what it takes, from the pages there are", path)
                        .contains("'pick'", "1 to " + PickedPages.MAX_PICKS + " page numbers from 1 to " + PAGES.size())
                        .doesNotContain("Exception");
                if (pick != null) {
                    assertThat(body).as("Exercise 4.3: the 400 for %s says what it got", path).contains("got '" + pick + "'");
                }
                assertThat(response.headers().get("Content-Type")).as("Exercise 4.3: the 400 for %s is plain text", path)
                        .singleElement().asString().startsWith("text/plain");
                assertThat(fetches.get()).as("Exercise 4.3: fetches started for %s: check ?pick= before any page is fetched", path).isZero();
            }
        });
    }
    // end::badInput[]

    private static PageResult answered(String url) {
        return new PageResult(url, Outcome.OK, 200, TITLES + url, "", Duration.ofMillis(1));
    }

    /** The route alone, on a pool of 8 threads (6 for requests); {@code answerOnTasks} counts the tasks given to answerOn. */
    private static Javalin app(PickedPages.PageSource source, AtomicInteger answerOnTasks) {
        return Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.ch04.templates");
            RequestPool pool = RequestPool.install(config, 8);
            Executor answerOn = task -> {
                answerOnTasks.incrementAndGet();
                pool.executor().execute(task);
            };
            PickedPages route = new PickedPages(PAGES, source, answerOn);
            config.routes.get("/pages", route::handle);
        });
    }

    /**
     * Opens the gate once every fetch waits and no thread is left in the handler. Fails, after
     * breaking the gate so that every request ends, as soon as a thread is seen waiting in the
     * route's code, or when no further fetch reaches the gate for {@link #NO_PROGRESS}.
     */
    private static void openWhenAllWait(GatedPages gate, CompletableFuture<?> answers) {
        int all = CLIENTS * 2;
        int waiting = -1;
        long lastProgress = System.nanoTime();
        while (!answers.isDone()) { // all answered with the gate closed: the checks on the answers say what came instead
            List<ThreadSnapshot> threads = ThreadSnapshot.others();
            List<String> held = threads.stream()
                    .filter(thread -> thread.parked() && thread.inside(ROUTE_CODE) && (thread.inside(HANDLER) || thread.inside(FUTURE_WAIT)))
                    .map(thread -> thread.name() + " parked in " + thread.innermost(FUTURE_WAIT).or(() -> thread.innermost(HANDLER)).orElseThrow())
                    .toList();
            if (!held.isEmpty()) {
                gate.breakOpen("a thread waited for the pages");
                fail("Exercise 4.3: the route held a thread while it waited for the pages (%s; %d in all). A join() in the handler,"
                        + " or in ctx.async or supplyAsync, keeps a thread per request; hand ctx.future a chain of the page futures",
                        held.get(0), held.size());
            }
            if (gate.mostWaiting() >= all && threads.stream().noneMatch(thread -> thread.inside(HANDLER))) {
                gate.open();
                return;
            }
            if (gate.mostWaiting() > waiting) {
                waiting = gate.mostWaiting();
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > NO_PROGRESS.toNanos()) {
                gate.breakOpen("no progress");
                fail("Exercise 4.3: at most %d of %d pages were being fetched together, and none more came for %d s: are the"
                        + " handlers holding their 6 threads?", waiting, all, NO_PROGRESS.toSeconds());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // the next look; nothing is timed by it
        }
        gate.breakOpen("every request had its answer before the gate opened");
    }
}
