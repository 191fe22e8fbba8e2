package dev.asyncjavalin.reliability;

import dev.asyncjavalin.lab.AlertSink;
import dev.asyncjavalin.lab.DaemonThreads;
import dev.asyncjavalin.lab.SlowUpstream;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Every method against every route of chapter 05 that needs an API key, without a key and with
 * wrong ones: any 2xx is a request that got past the key check.
 */
final class AuthBypass {

    /** The routes chapter 05 gives {@code Access.USER} (AppSourcesTest keeps this list complete). */
    static final List<String> KEYED_ROUTES = List.of("/async_get_urls", "/recipe/{page}", "/boom", "/me", "/requests");
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "BREW", "ABCDEFGHIJKLMNOP");

    /** How a request tries to get in: a header or query text, or nothing. */
    private record Credentials(String label, List<String> headers, String query) {
    }

    private static final List<Credentials> WRONG = List.of(
            new Credentials("no key", List.of(), ""),
            new Credentials("wrong key in the header", List.of("X-Api-Key: not-a-key"), ""),
            new Credentials("wrong key in the query", List.of(), "api_key=not-a-key"),
            new Credentials("blank header, wrong query", List.of("X-Api-Key: "), "api_key=%20"),
            new Credentials("key with a SQL quote", List.of("X-Api-Key: ' OR '1'='1"), ""));

    private AuthBypass() {
    }

    static Figure run() throws Exception {
        try (SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ofMillis(10)).start();
                AlertSink alerts = AlertSink.start()) {
            Javalin app = Apps.chapter05(upstream.urls(), alerts.webhookUrl());
            ExecutorService senders = Executors.newFixedThreadPool(4, DaemonThreads.named("auth-bypass"));
            try {
                List<Future<RawHttp.Answer>> answers = new ArrayList<>();
                List<String> tries = new ArrayList<>();
                for (String route : KEYED_ROUTES) {
                    String path = route.replace("{page}", "1");
                    for (String method : METHODS) {
                        for (Credentials credentials : WRONG) {
                            String target = credentials.query().isEmpty() ? path : path + "?" + credentials.query();
                            tries.add(method + " " + target + " (" + credentials.label() + ")");
                            answers.add(senders.submit(() -> RawHttp.send(app.port(), method, target, credentials.headers(), Duration.ofSeconds(10))));
                        }
                    }
                }
                int tried = answers.size();
                List<String> passed = new ArrayList<>();
                Map<Integer, Integer> statuses = new TreeMap<>();
                for (int i = 0; i < tried; i++) {
                    RawHttp.Answer answer = answers.get(i).get(30, TimeUnit.SECONDS);
                    statuses.merge(answer.status(), 1, Integer::sum);
                    if (answer.status() >= 200 && answer.status() < 300) {
                        passed.add(tries.get(i) + ": " + answer.status());
                    }
                }
                String details = tried + " tried: " + METHODS.size() + " methods x " + KEYED_ROUTES.size() + " routes x "
                        + WRONG.size() + " wrong credentials; statuses " + statuses;
                return Figure.none("ch05 auth bypasses (2xx without a valid key)", passed, details);
            } finally {
                senders.shutdownNow();
                app.stop();
            }
        }
    }
}
