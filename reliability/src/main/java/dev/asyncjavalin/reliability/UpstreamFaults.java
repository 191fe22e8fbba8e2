package dev.asyncjavalin.reliability;

import dev.asyncjavalin.lab.AlertSink;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every fault of the {@link HostileUpstream}, fetched through the lab's PageClient and through the
 * pages of chapters 03, 04 and 05: each must end as a row with a status, within its deadline +
 * 10 %, never as an exception; no page may carry the upstream's {@code <script>}. Then redirects to
 * a host and port nobody configured: none may be followed.
 */
final class UpstreamFaults {

    static final Duration DEADLINE = Duration.ofMillis(2000);
    static final int SLACK_PERCENT = 10;

    /** A row of a chapter page, as the lab's results.jte writes it. */
    private static final Pattern ROW = Pattern.compile("<tr class=\"result\" data-url=\"([^\"]*)\" data-status=\"([^\"]*)\"");

    private UpstreamFaults() {
    }

    static List<Figure> run() throws Exception {
        List<Figure> figures = new ArrayList<>();
        try (HostileUpstream.OffHost offHost = new HostileUpstream.OffHost();
                HostileUpstream hostile = new HostileUpstream(offHost.port());
                AlertSink alerts = AlertSink.start()) {
            List<String> violations = new ArrayList<>();
            List<String> disclosed = new ArrayList<>();
            Map<String, String> faults = hostile.faults();
            int fetched = throughPageClient(faults, violations);
            fetched += throughChapters(List.copyOf(faults.values()), alerts, violations, disclosed);
            figures.add(Figure.none("hostile upstream: violations (exception, late, no status, <script>)", violations,
                    String.format("%d faults, %d fetches through PageClient and chapters 03/04/05; deadline %d ms + %d%%",
                            faults.size(), fetched, DEADLINE.toMillis(), SLACK_PERCENT)));
            figures.add(Figure.none("hostile upstream: pages naming a Java exception", disclosed, ""));

            Map<String, String> redirects = hostile.redirects();
            int redirectFetches = throughPageClient(redirects, new ArrayList<>());
            redirectFetches += throughChapters(List.copyOf(redirects.values()), alerts, new ArrayList<>(), new ArrayList<>());
            figures.add(Figure.none("redirects followed off the configured host", offHost.reached(),
                    String.format("%d redirects (301/302/303/307/308 to another port or host name), %d fetches through PageClient and chapters 03/04/05",
                            redirects.size(), redirectFetches)));
        }
        return figures;
    }

    /** Each URL through PageClient.fetch with {@link #DEADLINE}; returns how many were fetched. */
    private static int throughPageClient(Map<String, String> urls, List<String> violations) throws InterruptedException {
        Duration limit = PageTimes.withSlack(DEADLINE, SLACK_PERCENT);
        try (PageClient pages = PageClient.create(64, 64)) {
            Map<String, CompletableFuture<PageResult>> calls = new LinkedHashMap<>();
            Map<String, Long> started = new LinkedHashMap<>();
            Map<String, Long> took = new ConcurrentHashMap<>();
            urls.forEach((name, url) -> {
                long start = System.nanoTime();
                started.put(name, start);
                CompletableFuture<PageResult> call = pages.fetch(url, DEADLINE);
                call.whenComplete((result, failure) -> took.put(name, (System.nanoTime() - start) / 1_000_000));
                calls.put(name, call);
            });
            for (Map.Entry<String, CompletableFuture<PageResult>> call : calls.entrySet()) {
                String name = call.getKey();
                try {
                    PageResult result = call.getValue().get(limit.toMillis() + 5_000, TimeUnit.MILLISECONDS);
                    long millis = took.getOrDefault(name, (System.nanoTime() - started.get(name)) / 1_000_000);
                    if (Campaign.verbose && result != null) {
                        System.out.printf("      PageClient  %-40s %-16s %5d ms  %s%n", name, result.status(), millis,
                                result.detail().isEmpty() ? result.title() : result.detail());
                    }
                    if (result == null || result.status().isBlank()) {
                        violations.add("PageClient, " + name + ": a row without a status");
                    } else if (millis > limit.toMillis()) {
                        violations.add("PageClient, " + name + ": " + millis + " ms (" + result.status() + ")");
                    }
                    // a row's title is untrusted text, rightly kept as it came: the pages must escape it (checked below)
                } catch (ExecutionException e) {
                    violations.add("PageClient, " + name + ": the future failed with " + e.getCause());
                } catch (TimeoutException e) {
                    violations.add("PageClient, " + name + ": no row " + (limit.toMillis() + 5_000) + " ms after the fetch started");
                }
            }
            return calls.size();
        }
    }

    /** All {@code urls} as one page of chapters 03 (blocking), 04 (deadline) and 05 (async); returns the fetches made. */
    private static int throughChapters(List<String> urls, AlertSink alerts, List<String> violations, List<String> disclosed) {
        int fetches = 0;
        Javalin ch03 = Apps.chapter03(Apps.only(urls));
        try {
            Duration callTimeout = Apps.callTimeout("dev.asyncjavalin.ch03.App");
            check("ch03 /async_get_urls_v1", ch03.port(), "/async_get_urls_v1", List.of(), callTimeout, urls, violations, disclosed);
            fetches += urls.size();
        } finally {
            ch03.stop();
        }
        Javalin ch04 = Apps.chapter04(Apps.only(urls));
        try {
            check("ch04 /async_get_urls_v2", ch04.port(), "/async_get_urls_v2?deadline_ms=" + DEADLINE.toMillis(), List.of(), DEADLINE, urls,
                    violations, disclosed);
            fetches += urls.size();
        } finally {
            ch04.stop();
        }
        Javalin ch05 = Apps.chapter05(Apps.only(urls), alerts.webhookUrl());
        try {
            Duration callTimeout = Apps.callTimeout("dev.asyncjavalin.ch05.App");
            check("ch05 /async_get_urls", ch05.port(), "/async_get_urls", List.of("X-Api-Key: " + Apps.chapter05Key()), callTimeout, urls,
                    violations, disclosed);
            fetches += urls.size();
        } finally {
            ch05.stop();
        }
        return fetches;
    }

    private static void check(String page, int port, String target, List<String> headers, Duration deadline, List<String> urls,
            List<String> violations, List<String> disclosed) {
        Duration limit = PageTimes.withSlack(deadline, SLACK_PERCENT);
        long started = System.nanoTime();
        RawHttp.Answer answer = RawHttp.send(port, "GET", target, headers, limit.plusSeconds(10));
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (answer.status() != 200) {
            violations.add(page + ": HTTP " + answer.status() + (answer.failure() == null ? "" : " " + answer.failure()));
            return;
        }
        if (millis > limit.toMillis()) {
            violations.add(page + ": " + millis + " ms for a page promised in " + deadline.toMillis() + " ms");
        }
        if (Disclosure.hasScriptTag(answer.body())) {
            violations.add(page + ": the upstream's <script> is in the page unescaped");
        }
        Map<String, String> rows = rows(answer.body());
        for (String url : urls) {
            String status = rows.get(url);
            if (status == null || status.isBlank()) {
                violations.add(page + ": no row with a status for " + url);
            }
        }
        int before = disclosed.size();
        for (Map.Entry<String, String> row : rowHtml(answer.body()).entrySet()) {
            Disclosure.internals(row.getValue()).ifPresent(name -> disclosed.add(page + ", row of " + row.getKey() + ": " + name));
        }
        if (disclosed.size() == before) {
            Disclosure.internals(answer.body()).ifPresent(name -> disclosed.add(page + ": " + name));
        }
    }

    /** URL to the row's whole markup, for every row of a chapter page. */
    static Map<String, String> rowHtml(String html) {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            int end = html.indexOf("</tr>", row.end());
            rows.put(row.group(1).replace("&amp;", "&"), html.substring(row.start(), end < 0 ? html.length() : end));
        }
        return rows;
    }

    /** URL to status, for every row of a chapter page. */
    static Map<String, String> rows(String html) {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            rows.put(row.group(1).replace("&amp;", "&"), row.group(2));
        }
        return rows;
    }
}
