package dev.asyncjavalin.ch05;

import static org.assertj.core.api.Assertions.fail;

import dev.asyncjavalin.lab.Lab;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 5.5: the learner's {@link InFlightLimit}, wired as a before and an after hook on
 * {@code /api/*} of an app of the test's own. {@code /api/held} is async and answers only when the
 * test opens its gate, so "in flight" is a state the test holds, not a moment it hopes to catch.
 */
@Tag("exercise")
@DisplayName("5.5 at most K requests in flight per API key")
class Exercise55InFlightLimitTest {

    private static final String KEY_A = "key-limit-a-77d1";
    private static final String KEY_B = "key-limit-b-0c5e";

    private final HttpClient http = HttpClient.newHttpClient();
    /** Opened by the test: every held request answers then. */
    private final CompletableFuture<Void> gate = new CompletableFuture<>();
    /** Held requests that reached their handler. */
    private final AtomicInteger arrived = new AtomicInteger();
    private final CompletableFuture<Void> twoArrived = new CompletableFuture<>();

    // tag::app[]
    private Javalin app(InFlightLimit limit) {
        return Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.ch05.templates");
            config.routes.before("/api/*", limit::enter);
            config.routes.get("/api/held", ctx -> {
                if (arrived.incrementAndGet() == 2) {
                    twoArrived.complete(null);
                }
                // the request thread returns; the after hooks run when the gate opens
                ctx.future(() -> gate.thenRun(() -> ctx.result("held, then answered")));
            });
            config.routes.get("/api/quick", ctx -> ctx.result("quick"));
            config.routes.get("/api/boom", ctx -> {
                throw new IllegalStateException("simulated bug");
            });
            config.routes.after("/api/*", limit::leave);
        });
    }
    // end::app[]

    private CompletableFuture<HttpResponse<String>> sendAsync(int port, String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (key != null) {
            request.header(ApiKeyAuth.HEADER, key);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int status(int port, String path, String key) throws Exception {
        HttpResponse<String> response = sendAsync(port, path, key).get(10, TimeUnit.SECONDS); // a bound, not a measurement
        failIfStubOr500(response, path);
        return response.statusCode();
    }

    private static void failIfStubOr500(HttpResponse<String> response, String path) {
        if (response.statusCode() == 501 && response.body().contains("not solved yet")) {
            fail(response.body().strip());
        }
        if (response.statusCode() == 500 && !path.equals("/api/boom")) {
            fail("Exercise 5.5: GET %s answered 500: a hook threw (a missing header is null, and a request the before hook"
                    + " refused still meets the after hook)", path);
        }
    }

    private static void expect(int status, int expected, String why) {
        if (status != expected) {
            fail("Exercise 5.5: " + why + " (answered " + status + ", not " + expected + ")");
        }
    }

    /** Two held requests of KEY_A, in their handlers (the stub's 501 ends the wait at once). */
    private List<CompletableFuture<HttpResponse<String>>> holdTwo(int port) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> held = List.of(sendAsync(port, "/api/held", KEY_A), sendAsync(port, "/api/held", KEY_A));
        CompletableFuture.anyOf(twoArrived, held.get(0), held.get(1)).get(10, TimeUnit.SECONDS); // a bound, not a measurement
        for (CompletableFuture<HttpResponse<String>> response : held) {
            if (response.isDone()) {
                failIfStubOr500(response.join(), "/api/held");
                fail("Exercise 5.5: a request within the limit of 2 answered %d before its handler was let go: the first two"
                        + " requests of a key get in", response.join().statusCode());
            }
        }
        return held;
    }

    @Test
    @DisplayName("a key holds at most 2 requests at once; the next get 429, and a refused request gives no place back")
    void atMostTwoAtOnce() throws Exception {
        InFlightLimit limit = new InFlightLimit(2);
        JavalinTest.test(app(limit), (server, client) -> {
            try {
                heldAtMostTwo(limit, server.port());
            } finally {
                gate.complete(null); // a failed check must not leave requests held for the app's stop to wait out
            }
        });
    }

    private void heldAtMostTwo(InFlightLimit limit, int port) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> held = holdTwo(port);
        for (int i = 1; i <= 3; i++) {
            expect(status(port, "/api/quick", KEY_A), 429, "request " + (2 + i) + " of key A, with 2 of its requests in"
                    + " flight, must be refused" + (i == 1 ? "" : ". It got in after a refusal: the refused request gave back a"
                    + " place it never had (the after hook runs for refused requests too; give back only what enter() gave)"));
        }
        if (limit.inFlight(KEY_A) != 2) {
            fail("Exercise 5.5: with 2 requests held and 3 refused, inFlight(key A) is %d, not 2: the after hook runs for"
                    + " refused requests too, and gave back a place they never had. Give back only what enter() gave",
                    limit.inFlight(KEY_A));
        }
        expect(status(port, "/api/quick", KEY_B), 200, "key B was refused while key A's requests were held: one count per key");

        gate.complete(null);
        for (CompletableFuture<HttpResponse<String>> response : held) {
            expect(response.get(10, TimeUnit.SECONDS).statusCode(), 200, "a held request, once let go");
        }
        if (limit.inFlight(KEY_A) != 0) {
            fail("Exercise 5.5: every request of key A has answered, yet inFlight(key A) is %d: leave() gives each place back",
                    limit.inFlight(KEY_A));
        }
        expect(status(port, "/api/quick", KEY_A), 200, "key A, with nothing in flight any more");
    }

    @Test
    @DisplayName("a request that fails, or finds no route, still gives its place back")
    void failedRequestsGiveTheirPlaceBack() {
        InFlightLimit limit = new InFlightLimit(2);
        JavalinTest.test(app(limit), (server, client) -> {
            for (int round = 1; round <= 2; round++) { // two rounds: places that leaked in round 1 would leave none for round 2
                expect(status(server.port(), "/api/boom", KEY_A), 500, "a route that throws");
                expect(status(server.port(), "/api/nowhere", KEY_A), 404, "a path under /api/ with no route");
                expect(status(server.port(), "/api/quick", KEY_A), 200,
                        "round " + round + ": after a 500 and a 404, key A gets in again: the after hook runs whatever the status,"
                                + " and a failed request gave its place back");
            }
            if (limit.inFlight(KEY_A) != 0) {
                fail("Exercise 5.5: a 500 and a 404 kept %d places of key A: leave() gives the place back whatever the status",
                        limit.inFlight(KEY_A));
            }
        });
    }

    @Test
    @DisplayName("without a key, a 401 (never a 500); and a hundred keys that came and went leave no counter behind")
    void noKeyAndNoGrowth() {
        InFlightLimit limit = new InFlightLimit(2);
        JavalinTest.test(app(limit), (server, client) -> {
            expect(status(server.port(), "/api/quick", null), 401, "a request without an API key");
            expect(status(server.port(), "/api/quick", " "), 401, "a request with a blank API key");
            for (int i = 0; i < 100; i++) {
                expect(status(server.port(), "/api/quick", "key-passing-" + i), 200, "a new key's first request");
            }
            if (limit.keysTracked() != 0) {
                fail("Exercise 5.5: 100 keys came and went, and %d counters are left: remove a key's counter when its last request"
                        + " leaves, or a caller who sends a new key each time makes the map grow without end", limit.keysTracked());
            }
        });
    }
}
