package dev.asyncjavalin.ch05;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.asyncjavalin.lab.Lab;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Exercise 5.3: the learner's {@link RequestBudget}, wired as a before hook on {@code /api/*} of an
 * app of the test's own, whose guarded handlers count every time they run. A refused request must
 * leave that count alone, on every method, and still reach the after hooks.
 */
@Tag("exercise")
@DisplayName("5.3 a request budget per API key")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // a hook that lets a keyless request in is named by the first test
class Exercise53RequestBudgetTest {

    /** Keys of the test's own: an answer that knows only the demo keys (Users.ALICE_KEY) refuses them. */
    private static final String KEY_A = "key-budget-a-41c7";
    private static final String KEY_B = "key-budget-b-9e02";
    private static final String GUARDED = "/api/recipes";
    /** Every method the guard must hold to GET's rules, one nobody has heard of included. */
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "BREW");

    private final HttpClient http = HttpClient.newHttpClient();
    /** How many times a guarded handler ran: a refused request must never add to it. */
    private final AtomicInteger handlerRuns = new AtomicInteger();
    /** How many requests reached the after hooks, where the request log writes its record. */
    private final AtomicInteger afterHookRuns = new AtomicInteger();

    private Javalin app(RequestBudget budget) {
        return Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.ch05.templates"); // HEAD runs the GET handler, as in the chapter's app
            config.routes.before("/api/*", budget::check);
            config.routes.get(GUARDED, ctx -> ctx.result("recipes for " + handlerRuns.incrementAndGet()));
            config.routes.post(GUARDED, ctx -> ctx.result("posted " + handlerRuns.incrementAndGet()));
            config.routes.addHttpHandler(HandlerType.OPTIONS, GUARDED, ctx -> ctx.result("options " + handlerRuns.incrementAndGet()));
            config.routes.addHttpHandler(HandlerType.findOrCreate("BREW"), GUARDED, ctx -> ctx.result("brewed " + handlerRuns.incrementAndGet()));
            config.routes.after(ctx -> afterHookRuns.incrementAndGet());
        });
    }

    /** The status of {@code method} on the guarded path with {@code key}; the stub's 501 fails here, with its own sentence. */
    private int status(int port, String method, String key) throws Exception {
        HttpResponse<String> response = send(port, method, key);
        failIfStub(response);
        return response.statusCode();
    }

    private static void failIfStub(HttpResponse<String> response) {
        if (response.statusCode() == 501 && response.body().contains("not solved yet")) {
            fail(response.body().strip());
        }
    }

    private HttpResponse<String> send(int port, String method, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + GUARDED))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header(ApiKeyAuth.HEADER, key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Fails unless {@code response} is the refusal {@code status}, naming the mistake that explains what came instead. */
    private static void assertRefused(HttpResponse<String> response, int status, String request) {
        failIfStub(response);
        int code = response.statusCode();
        if (code == 500) {
            fail("Exercise 5.3: %s answered 500, not %d: the hook threw. A missing header is null, and Set.of(...).contains(null)"
                    + " and ConcurrentHashMap.get(null) throw: look for null (and blank) before you look the key up", request, status);
        }
        if (code != status) {
            fail("Exercise 5.3: %s answered %d, not %d: it was let in. The hook must refuse every method as it refuses GET,"
                    + " not only GET (HEAD, OPTIONS and unknown methods included)", request, code, status);
        }
    }

    @Test
    @Order(1)
    @DisplayName("without a known key, every method gets a 401 that says why, and the guarded handler never runs")
    void withoutAKnownKeyNothingGetsIn() {
        RequestBudget budget = new RequestBudget(Set.of(KEY_A, KEY_B), 3);
        JavalinTest.test(app(budget), (server, client) -> {
            int sent = 0;
            for (String method : METHODS) {
                for (String key : new String[] {null, "  ", "key-mallory-0000"}) {
                    String request = method + " " + GUARDED + (key == null ? " without an API key" : " with the API key '" + key + "'");
                    HttpResponse<String> response = send(server.port(), method, key);
                    sent++;
                    assertRefused(response, 401, request);
                    if (!method.equals("HEAD")) { // a HEAD answer has no body
                        String sentence = response.body();
                        assertThat(sentence).as("Exercise 5.3: the 401 sentence for %s", request)
                                .contains(key != null && !key.isBlank() ? "not one we know" : ApiKeyAuth.HEADER)
                                .doesNotContain("key-mallory"); // a refused key is never repeated back
                    }
                }
            }
            assertHandlerRuns(0, "requests without a known key");
            assertAfterHooksSaw(sent);
        });
    }

    @Test
    @Order(2)
    @DisplayName("a known key gets exactly its budget, on any mix of methods; then every method gets a 429")
    void aKeyGetsExactlyItsBudget() {
        RequestBudget budget = new RequestBudget(Set.of(KEY_A, KEY_B), 3);
        JavalinTest.test(app(budget), (server, client) -> {
            List<String> spending = List.of("GET", "POST", "BREW");
            for (int i = 0; i < spending.size(); i++) {
                int code = status(server.port(), spending.get(i), KEY_A);
                if (code != 200) {
                    fail("Exercise 5.3: request %d of a budget of 3 (%s with a known key) answered %d, not 200: a known key"
                            + " gets its whole budget (no hard-coded key, no off-by-one, every method spends one)", i + 1, spending.get(i), code);
                }
            }
            int sent = spending.size();
            for (String method : METHODS) {
                HttpResponse<String> response = send(server.port(), method, KEY_A);
                sent++;
                assertRefused(response, 429, method + " " + GUARDED + " after the key's budget of 3 was spent");
                if (!method.equals("HEAD")) {
                    assertThat(response.body()).as("Exercise 5.3: the 429 sentence names the budget").contains("3", "budget");
                }
            }
            assertHandlerRuns(3, "a budget of 3");
            assertAfterHooksSaw(sent);
        });
    }

    @Test
    @Order(3)
    @DisplayName("each key has a budget of its own, and refill() gives it back whole")
    void budgetsArePerKeyAndRefill() {
        RequestBudget budget = new RequestBudget(Set.of(KEY_A, KEY_B), 2); // not 3: a hard-coded budget fails one of the two tests
        JavalinTest.test(app(budget), (server, client) -> {
            for (String key : List.of(KEY_A, KEY_B)) {
                String which = key.equals(KEY_A) ? "key A" : "key B, after key A had spent its budget,";
                for (int i = 1; i <= 2; i++) {
                    int code = status(server.port(), "GET", key);
                    if (code != 200) {
                        fail("Exercise 5.3: request %d of a budget of 2 with %s answered %d, not 200: keep one count per key,"
                                + " from the budget the constructor was given", i, which, code);
                    }
                }
                assertRefused(send(server.port(), "GET", key), 429, "request 3 of a budget of 2 with " + which);
            }
            budget.refill();
            for (int i = 1; i <= 2; i++) {
                int code = status(server.port(), "GET", KEY_A);
                if (code != 200) {
                    fail("Exercise 5.3: after refill(), request %d of key A's budget of 2 answered %d, not 200: refill()"
                            + " gives every key its whole budget again", i, code);
                }
            }
            assertRefused(send(server.port(), "GET", KEY_A), 429, "request 3 after refill() with a budget of 2");
            assertHandlerRuns(6, "two keys with a budget of 2 each, and one refill");
        });
    }

    @Test
    @Order(4)
    @DisplayName("forty requests at once with one key spend exactly its budget of ten")
    void requestsAtOnceCannotOverspend() {
        RequestBudget budget = new RequestBudget(Set.of(KEY_A), 10);
        JavalinTest.test(app(budget), (server, client) -> {
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + GUARDED))
                        .header(ApiKeyAuth.HEADER, KEY_A).build();
                responses.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            List<Integer> codes = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> pending : responses) {
                HttpResponse<String> response = pending.get(10, TimeUnit.SECONDS); // a bound, not a measurement
                if (response.statusCode() != 200 && response.statusCode() != 429) {
                    assertRefused(response, 429, "GET " + GUARDED + " among 40 at once"); // names a 500 or the stub
                }
                codes.add(response.statusCode());
            }
            assertThat(codes).as("Exercise 5.3: 40 requests at once against a budget of 10: count and check in one atomic step"
                    + " (AtomicInteger, ConcurrentHashMap), or two requests both take the last one").filteredOn(code -> code == 200).hasSize(10);
            assertThat(codes).as("Exercise 5.3: the 30 requests past the budget").filteredOn(code -> code == 429).hasSize(30);
            assertHandlerRuns(10, "40 requests at once against a budget of 10");
        });
    }

    @Test
    @Order(5)
    @DisplayName("a budget without keys, or below one request, is refused when it is made")
    void nonsenseBudgetsAreRefused() {
        for (Runnable nonsense : List.<Runnable>of(() -> new RequestBudget(Set.of(), 3), () -> new RequestBudget(Set.of(KEY_A), 0))) {
            try {
                nonsense.run();
                fail("Exercise 5.3: new RequestBudget(Set.of(), 3) and new RequestBudget(Set.of(key), 0) must throw"
                        + " IllegalArgumentException: a guard that lets nobody in, or counts from zero, is a mistake to catch at startup");
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).as("Exercise 5.3: the IllegalArgumentException's message").isNotBlank();
            }
        }
    }

    private void assertHandlerRuns(int expected, String what) {
        if (handlerRuns.get() != expected) {
            fail("Exercise 5.3: the guarded handlers ran %d times for %s, not %d: a refused request must never reach the"
                    + " handler (throw UnauthorizedResponse or TooManyRequestsResponse from the hook)", handlerRuns.get(), what, expected);
        }
    }

    private void assertAfterHooksSaw(int sent) {
        if (afterHookRuns.get() != sent) {
            fail("Exercise 5.3: the after hooks saw %d of %d requests: stop a request by throwing. skipRemainingHandlers()"
                    + " skips the after hooks too, and the request log never hears of the refusal", afterHookRuns.get(), sent);
        }
    }
}
