package dev.asyncjavalin.ch05;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Javalin 7's request lifecycle, written down as a test: a tiny app whose every hook and handler
 * notes its name, for a blocking route, an async route and a route that throws.
 */
class HookOrderTest {

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    /** Stands in for OkHttp's threads: the future completes there. */
    private final ExecutorService elsewhere = Executors.newSingleThreadExecutor(task -> new Thread(task, "elsewhere"));

    @AfterEach
    void stop() {
        elsewhere.shutdownNow();
    }

    private void note(String what) {
        calls.add(what);
    }

    // tag::recordingApp[]
    private Javalin recordingApp() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.before(ctx -> note("before"));
            config.routes.beforeMatched(ctx -> note("beforeMatched"));
            config.routes.get("/sync", ctx -> {
                note("endpoint");
                ctx.result("done");
            });
            config.routes.get("/async", ctx -> {
                note("endpoint starts the future");
                ctx.future(() -> CompletableFuture.runAsync(() -> {
                    note("future completes");
                    ctx.result("done");
                }, elsewhere));
                note("endpoint returns");
            });
            config.routes.get("/throws", ctx -> {
                note("endpoint");
                throw new IllegalStateException("bug");
            });
            config.routes.get("/skips", ctx -> note("endpoint"));
            config.routes.get("/async-before", ctx -> note("endpoint"));
            config.routes.beforeMatched("/async-before", ctx -> ctx.future(() ->
                    CompletableFuture.runAsync(() -> note("before hook's future completes"), elsewhere)));
            config.routes.beforeMatched("/skips", Context::skipRemainingHandlers);
            config.routes.afterMatched(ctx -> note("afterMatched"));
            config.routes.after(ctx -> note("after"));
            config.routes.exception(IllegalStateException.class, (e, ctx) -> {
                note("exception handler");
                ctx.status(500);
            });
            config.routes.error(500, ctx -> note("error(500) handler"));
            config.routes.error(404, ctx -> note("error(404) handler"));
        });
    }
    // end::recordingApp[]

    // tag::order[]
    @Test
    @DisplayName("a blocking route: before, beforeMatched, endpoint, afterMatched, after")
    void syncOrder() {
        JavalinTest.test(recordingApp(), (server, client) -> {
            client.get("/sync");
            assertThat(calls).containsExactly("before", "beforeMatched", "endpoint", "afterMatched", "after");
        });
    }

    @Test
    @DisplayName("an async route: the endpoint returns first; afterMatched and after wait for the future")
    void asyncOrder() {
        JavalinTest.test(recordingApp(), (server, client) -> {
            assertThat(client.get("/async").body().string()).isEqualTo("done");
            assertThat(calls).containsExactly("before", "beforeMatched", "endpoint starts the future", "endpoint returns",
                    "future completes", "afterMatched", "after");
        });
    }

    @Test
    @DisplayName("a route that throws: exception handler, afterMatched, error handler, then after")
    void exceptionOrder() {
        JavalinTest.test(recordingApp(), (server, client) -> {
            client.get("/throws");
            assertThat(calls).containsExactly("before", "beforeMatched", "endpoint", "exception handler",
                    "afterMatched", "error(500) handler", "after");
        });
    }

    // end::order[]

    @Test
    @DisplayName("an unknown path: before, error(404) handler, after (no matched hooks: nothing matched)")
    void notFoundOrder() {
        JavalinTest.test(recordingApp(), (server, client) -> {
            client.get("/nowhere");
            assertThat(calls).containsExactly("before", "error(404) handler", "after");
        });
    }

    @Test
    @DisplayName("a before hook may be async too: the endpoint waits for the hook's future")
    void asyncBeforeHook() {
        JavalinTest.test(recordingApp(), (server, client) -> {
            client.get("/async-before");
            assertThat(calls).containsExactly("before", "beforeMatched", "before hook's future completes", "endpoint",
                    "afterMatched", "after");
        });
    }

    @Test
    @DisplayName("skipRemainingHandlers() in a before hook skips the after hooks too: throw to stop a request instead")
    void skipSkipsAfter() {
        JavalinTest.test(recordingApp(), (server, client) -> {
            client.get("/skips");
            assertThat(calls).containsExactly("before", "beforeMatched");
        });
    }
}
