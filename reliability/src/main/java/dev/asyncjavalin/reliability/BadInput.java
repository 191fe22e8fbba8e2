package dev.asyncjavalin.reliability;

import dev.asyncjavalin.lab.DaemonThreads;
import dev.asyncjavalin.lab.SlowUpstream;
import io.javalin.Javalin;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bad values on every query parameter (and path parameter) of every route of chapters 01, 03,
 * 04, 05 and 08. An answer must never be a 5xx, and never show a stack trace or an exception's
 * name; a number parameter must never take a bad value with a 2xx.
 */
final class BadInput {

    /** Where a value goes: {@code ?name=value} or in place of {@code {name}} in the path. */
    enum Place { QUERY, PATH }

    /**
     * One parameter of one route. {@code number}: the route reads it as a whole number, so no
     * value below may be accepted. {@code headers}: sent with every request (chapter 05's key).
     */
    record Parameter(String chapter, String method, String path, String name, Place place, boolean number, List<String> headers) {

        String target(String rawValue) {
            if (place == Place.PATH) {
                return path.replace("{" + name + "}", rawValue);
            }
            return path.replaceAll("\\{[a-z]+}", "1") + "?" + name + "=" + rawValue.replace("{param}", name);
        }
    }

    /**
     * Label to the value's text exactly as it goes into the URL. Most are percent-encoded the way
     * a browser would; some are broken on purpose (a lone {@code %}, raw non-ASCII bytes).
     */
    static final Map<String, String> VALUES = new LinkedHashMap<>();
    /** Values that a number parameter may accept: the first of two values is a number. */
    static final String REPEATED = "repeated parameter (5, then abc)";

    static {
        VALUES.put("empty", "");
        VALUES.put("%zz", "%zz");
        VALUES.put("lone %", "%");
        VALUES.put("+5 (a literal plus)", "%2B5");
        VALUES.put("+5 (raw: a space, then 5)", "+5");
        VALUES.put("fullwidth digits", encode("\uFF15\uFF10"));
        VALUES.put("10 kB value", "9".repeat(10 * 1024));
        VALUES.put("negative", "-1");
        VALUES.put("huge number", "99999999999999999999");
        VALUES.put("decimal", "1.5");
        VALUES.put("hex", "0x10");
        VALUES.put("padded with spaces", "%20%205%20");
        VALUES.put("NUL byte", "%00");
        VALUES.put("unicode, encoded (40 emoji)", encode("\uD83C\uDF72".repeat(40)));
        VALUES.put("unicode, raw UTF-8 bytes", "\u00e9\uD83C\uDF72");
        VALUES.put("markup", encode("<script>alert(1)</script>"));
        VALUES.put("path traversal", "..%2F..%2Fetc%2Fpasswd");
        VALUES.put(REPEATED, "5&{param}=abc");
    }

    private BadInput() {
    }

    /** What went wrong in one answer, if anything. */
    record Verdict(boolean serverError, String internals, boolean acceptedBadNumber, boolean reflectedMarkup) {
        boolean wrong() {
            return serverError || internals != null || acceptedBadNumber || reflectedMarkup;
        }
    }

    static Verdict judge(Parameter parameter, String valueLabel, RawHttp.Answer answer) {
        // chapter 08's 503 + Retry-After is its answer to a full CPU pool (this matrix sends several requests at once), not a failure
        boolean busy = answer.status() == 503 && answer.header("Retry-After") != null;
        boolean serverError = (answer.status() >= 500 && !busy) || !answer.answered();
        String internals = Disclosure.internals(answer.body()).orElse(null);
        boolean accepted = parameter.number() && !valueLabel.equals(REPEATED) && answer.status() >= 200 && answer.status() < 300;
        // a text/plain answer may repeat the value as it came: browsers show it as text, never run it
        String type = answer.header("Content-Type");
        boolean html = type == null || type.toLowerCase(Locale.ROOT).contains("html");
        boolean reflected = valueLabel.equals("markup") && html && Disclosure.hasScriptTag(answer.body());
        return new Verdict(serverError, internals, accepted, reflected);
    }

    static List<Figure> run() throws Exception {
        List<String> serverErrors = new ArrayList<>();
        List<String> internals = new ArrayList<>();
        List<String> acceptedNumbers = new ArrayList<>();
        List<String> reflected = new ArrayList<>();
        int tried = 0;
        ExecutorService senders = Executors.newFixedThreadPool(4, DaemonThreads.named("bad-input"));
        try (SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ofMillis(20)).start()) {
            String key = "X-Api-Key: " + Apps.chapter05Key();
            Map<String, Supplier<Javalin>> apps = new LinkedHashMap<>();
            apps.put("01", Apps::chapter01);
            apps.put("03", () -> Apps.chapter03(upstream.urls()));
            apps.put("04", () -> Apps.chapter04(upstream.urls()));
            apps.put("05", () -> Apps.chapter05(upstream.urls(), "http://127.0.0.1:9/alerts")); // port 9: alerts go nowhere, fast
            apps.put("08", Apps::chapter08WithQueue); // every route of chapter 08, /queue/jobs included
            for (Map.Entry<String, Supplier<Javalin>> chapter : apps.entrySet()) {
                Javalin app = chapter.getValue().get();
                try {
                    List<Future<String>> answers = new ArrayList<>();
                    for (Parameter parameter : parameters(key)) {
                        if (!parameter.chapter().equals(chapter.getKey())) {
                            continue;
                        }
                        for (Map.Entry<String, String> value : VALUES.entrySet()) {
                            tried++;
                            answers.add(senders.submit(() -> {
                                RawHttp.Answer answer = RawHttp.send(app.port(), parameter.method(), parameter.target(value.getValue()),
                                        parameter.headers(), Duration.ofSeconds(15));
                                Verdict verdict = judge(parameter, value.getKey(), answer);
                                String where = "ch" + parameter.chapter() + " " + parameter.method() + " " + parameter.path() + " "
                                        + parameter.name() + "=" + value.getKey() + " -> " + (answer.answered() ? answer.status() : answer.failure());
                                synchronized (serverErrors) {
                                    if (verdict.serverError()) {
                                        serverErrors.add(where);
                                    }
                                    if (verdict.internals() != null) {
                                        internals.add(where + " (" + verdict.internals() + ")");
                                    }
                                    if (verdict.acceptedBadNumber()) {
                                        acceptedNumbers.add(where);
                                    }
                                    if (verdict.reflectedMarkup()) {
                                        reflected.add(where);
                                    }
                                }
                                return where;
                            }));
                        }
                    }
                    for (Future<String> answer : answers) {
                        answer.get(60, TimeUnit.SECONDS);
                    }
                } finally {
                    app.stop();
                }
            }
        } finally {
            senders.shutdownNow();
        }
        String scope = tried + " requests: " + VALUES.size() + " bad values x " + parameters("").size()
                + " parameters of chapters 01, 03, 04, 05, 08";
        return List.of(
                Figure.none("bad input: 5xx or no answer", serverErrors, scope),
                Figure.none("bad input: answers showing a stack trace or exception name", internals, ""),
                Figure.none("bad input: bad numbers accepted with 2xx", acceptedNumbers, ""),
                Figure.none("bad input: <script> reflected in an HTML answer", reflected, ""));
    }

    /**
     * Every parameter of every route, read from the chapters' App classes (AppSourcesTest fails
     * when a chapter reads a parameter this list misses). {@code key}: chapter 05's key header.
     */
    static List<Parameter> parameters(String key) {
        List<String> none = List.of();
        List<String> signedIn = List.of(key);
        List<Parameter> all = new ArrayList<>();
        all.add(new Parameter("01", "GET", "/data", "delay_ms", Place.QUERY, true, none));
        all.add(new Parameter("01", "GET", "/hello", "name", Place.QUERY, false, none));
        all.add(new Parameter("01", "GET", "/batch", "delays_ms", Place.QUERY, true, none));
        for (String path : List.of("/sync_get_urls", "/async_get_urls_v1", "/compare")) {
            all.add(new Parameter("03", "GET", path, "set", Place.QUERY, false, none));
        }
        for (String path : List.of("/async_get_urls_v1", "/async_get_urls_v2", "/strict_get_urls")) {
            all.add(new Parameter("04", "GET", path, "set", Place.QUERY, false, none));
        }
        all.add(new Parameter("04", "GET", "/async_get_urls_v2", "deadline_ms", Place.QUERY, true, none));
        all.add(new Parameter("04", "GET", "/pages", "pick", Place.QUERY, true, none));
        all.add(new Parameter("05", "GET", "/async_get_urls", "set", Place.QUERY, false, signedIn));
        all.add(new Parameter("05", "GET", "/recipe/{page}", "set", Place.QUERY, false, signedIn));
        all.add(new Parameter("05", "GET", "/recipe/{page}", "page", Place.PATH, true, signedIn));
        for (String path : List.of("/async_get_urls", "/recipe/{page}", "/me", "/requests", "/boom")) {
            all.add(new Parameter("05", "GET", path, "api_key", Place.QUERY, false, none));
        }
        all.add(new Parameter("08", "GET", "/hash_sync", "input", Place.QUERY, false, none));
        all.add(new Parameter("08", "GET", "/hash_async", "input", Place.QUERY, false, none));
        all.add(new Parameter("08", "POST", "/jobs", "steps", Place.QUERY, true, none));
        all.add(new Parameter("08", "POST", "/jobs", "fail_at", Place.QUERY, true, none));
        all.add(new Parameter("08", "GET", "/jobs/{id}", "id", Place.PATH, true, none));
        all.add(new Parameter("08", "POST", "/queue/jobs", "steps", Place.QUERY, true, none));
        all.add(new Parameter("08", "POST", "/queue/jobs", "fail_at", Place.QUERY, true, none));
        all.add(new Parameter("08", "GET", "/queue/jobs/{id}", "id", Place.PATH, false, none)); // a UUID, not a number
        return all;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
