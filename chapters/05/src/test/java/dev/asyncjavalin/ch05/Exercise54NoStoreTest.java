package dev.asyncjavalin.ch05;

import static org.assertj.core.api.Assertions.fail;

import dev.asyncjavalin.lab.AlertSink;
import dev.asyncjavalin.lab.SlowUpstream;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("5.4 answers for a signed-in caller are never cached")
class Exercise54NoStoreTest {

    @AutoClose
    private final SlowUpstream upstream = SlowUpstream.start();
    @AutoClose
    private final AlertSink alerts = AlertSink.start();

    private Javalin app() {
        return App.create(upstream.urls(), App.Options.defaults(alerts.webhookUrl()));
    }

    private static boolean noStore(Response response) {
        List<String> values = response.headers().get(ApiKeyAuth.CACHE_CONTROL);
        return values != null && values.stream().anyMatch(value -> value.contains(ApiKeyAuth.NO_STORE));
    }

    @Test
    @DisplayName("a route that needs a key answers with Cache-Control: no-store, on success and on failure alike")
    void protectedAnswersAreNeverStored() {
        Map<String, String> alice = Map.of(ApiKeyAuth.HEADER, Users.ALICE_KEY);
        JavalinTest.test(app(), (server, client) -> {
            // failures first: a hook that only marks good answers is named here
            record Asked(String path, Map<String, String> headers, int status, String what) {
            }
            for (Asked asked : List.of(
                    new Asked("/me", Map.of(), 401, "a request without a key (no user is known yet)"),
                    new Asked("/me", Map.of(ApiKeyAuth.HEADER, "key-mallory-0000"), 401, "a request with an unknown key"),
                    new Asked("/boom", alice, 500, "a bug's 500 page"),
                    new Asked("/recipe/99", alice, 400, "a bad page number"),
                    new Asked("/me", alice, 200, "alice's own page"),
                    new Asked("/async_get_urls", alice, 200, "an async page (the after hook runs on OkHttp's thread)"))) {
                Response response = client.get(asked.path(), request -> asked.headers().forEach(request::header));
                if (response.code() != asked.status()) {
                    fail("Exercise 5.4: GET %s answered %d, not %d: the after hook runs for every request, and must never fail",
                            asked.path(), response.code(), asked.status());
                }
                if (!noStore(response)) {
                    fail("Exercise 5.4: %s (GET %s, %d) came without Cache-Control: no-store, so a shared cache may hand it to"
                            + " the next caller. Every answer of a route that needs a key depends on that key: look at the route's"
                            + " roles (ctx.routeRoles()), not at the status or the user, and set it in the after hook",
                            asked.what(), asked.path(), asked.status());
                }
            }
        });
    }

    @Test
    @DisplayName("a protected HEAD answer is marked too, and public pages stay cacheable")
    void publicPagesStayCacheable() {
        JavalinTest.test(app(), (server, client) -> {
            HttpResponse<Void> head = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(client.getOrigin() + "/me"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            if (!head.headers().allValues(ApiKeyAuth.CACHE_CONTROL).stream().anyMatch(value -> value.contains(ApiKeyAuth.NO_STORE))) {
                fail("Exercise 5.4: HEAD /me without a key (%d) came without Cache-Control: no-store: HEAD meets the same hooks as GET",
                        head.statusCode());
            }
            for (String open : List.of("/", "/course.css", "/nowhere")) {
                Response response = client.get(open);
                if (noStore(response)) {
                    fail("Exercise 5.4: the public %s (%d) says Cache-Control: %s: only routes that need a key depend on who"
                            + " asks; a public page may be cached, and no-store on everything makes every visit fetch it again",
                            open, response.code(), response.headers().get(ApiKeyAuth.CACHE_CONTROL));
                }
            }
        });
    }
}
