package dev.asyncjavalin.lab.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/** Turns an upstream response into a {@link PageResult}, reading at most {@link #MAX_BODY_BYTES}. */
public final class PageReader {

    /** A recipe page is a few KiB; anything past 1 MiB is not a page we want in memory. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    private static final int MAX_TITLE_CHARS = 200;

    private PageReader() {
    }

    /**
     * Reads the body of {@code response} (the caller still closes it). A body over the limit
     * becomes a {@link Outcome#TOO_LARGE} row after reading only one byte past the limit.
     */
    public static PageResult read(String url, Response response, long startNanos) throws IOException {
        if (response.isRedirect()) {
            String location = response.header("Location");
            HttpUrl target = location == null ? null : response.request().url().resolve(location);
            return redirected(url, response.code(), location, target == null ? null : target.host(), since(startNanos));
        }
        BufferedSource source = response.body().source();
        boolean tooLarge = source.request(MAX_BODY_BYTES + 1);
        Duration elapsed = since(startNanos);
        if (tooLarge) {
            return tooLarge(url, response.code(), elapsed);
        }
        Buffer body = source.getBuffer();
        return answered(url, response.code(), body.readString(StandardCharsets.UTF_8), elapsed);
    }

    // the rows, in the same words whichever client read the answer (this reader for OkHttp, JdkPageBody for the JDK's)

    /** A whole body: a 2xx is a page with its title, anything else an HTTP error. */
    static PageResult answered(String url, int code, String html, Duration elapsed) {
        boolean ok = code >= 200 && code < 300;
        return new PageResult(url, ok ? Outcome.OK : Outcome.HTTP_ERROR, code, titleOf(html), ok ? "" : "upstream answered HTTP " + code, elapsed);
    }

    /** A body past the limit: none of it is kept. */
    static PageResult tooLarge(String url, int code, Duration elapsed) {
        return new PageResult(url, Outcome.TOO_LARGE, code, "", "body larger than " + MAX_BODY_BYTES / 1024 + " KiB, not read", elapsed);
    }

    /**
     * A redirect, not followed; the row says where the app was sent, by host. {@code location} null:
     * no Location header; {@code host} null: a Location that is not a URL.
     */
    static PageResult redirected(String url, int code, String location, String host, Duration elapsed) {
        String detail = location == null ? "HTTP " + code + " without a Location header"
                : "redirected to " + (host == null ? "an address that is not a URL" : host) + ", not followed";
        return new PageResult(url, Outcome.REDIRECTED, code, "", detail, elapsed);
    }

    /**
     * The text between the first {@code <title ...>} and the {@code </title>} after it, or "" when
     * there is none. One pass, every search starting where the last one stopped: a regex such as
     * {@code <title[^>]*>(.*?)</title>} retries from every {@code <title} it meets, and a hostile
     * body made of nothing else costs it seconds to minutes per page.
     */
    public static String titleOf(String html) {
        int open = indexOfTag(html, "<title", 0);
        if (open < 0) {
            return "";
        }
        int textStart = html.indexOf('>', open) + 1;
        if (textStart == 0) {
            return ""; // no '>' after the first <title: none after any later one either
        }
        int textEnd = indexOfTag(html, "</title", textStart);
        if (textEnd < 0) {
            return "";
        }
        String title = html.substring(textStart, textEnd).strip();
        return title.length() > MAX_TITLE_CHARS ? title.substring(0, MAX_TITLE_CHARS) + "…" : title;
    }

    /**
     * Where the tag {@code name} (e.g. {@code <title}) starts at or after {@code from}, in any
     * letter case, or -1. The name must end there ({@code <titles} is another tag).
     */
    private static int indexOfTag(String html, String name, int from) {
        int last = html.length() - name.length();
        for (int at = from; at <= last; at++) {
            if (html.charAt(at) == '<' && html.regionMatches(true, at, name, 0, name.length())) {
                int after = at + name.length();
                if (after == html.length() || endsTagName(html.charAt(after))) {
                    return at;
                }
            }
        }
        return -1;
    }

    private static boolean endsTagName(char c) {
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }

    /** Time since {@code startNanos}, for the rows of calls that failed. */
    public static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
