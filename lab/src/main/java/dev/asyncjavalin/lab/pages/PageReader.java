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
            return new PageResult(url, Outcome.REDIRECTED, response.code(), "", redirectDetail(response), since(startNanos));
        }
        BufferedSource source = response.body().source();
        boolean tooLarge = source.request(MAX_BODY_BYTES + 1);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        if (tooLarge) {
            return new PageResult(url, Outcome.TOO_LARGE, response.code(), "",
                    "body larger than " + MAX_BODY_BYTES / 1024 + " KiB, not read", elapsed);
        }
        Buffer body = source.getBuffer();
        String html = body.readString(StandardCharsets.UTF_8);
        Outcome outcome = response.isSuccessful() ? Outcome.OK : Outcome.HTTP_ERROR;
        String detail = response.isSuccessful() ? "" : "upstream answered HTTP " + response.code();
        return new PageResult(url, outcome, response.code(), titleOf(html), detail, elapsed);
    }

    /** Where a redirect points, by host: the row says where the app was sent, and that it did not go. */
    private static String redirectDetail(Response response) {
        String location = response.header("Location");
        if (location == null) {
            return "HTTP " + response.code() + " without a Location header";
        }
        HttpUrl target = response.request().url().resolve(location);
        String where = target == null ? "an address that is not a URL" : target.host();
        return "redirected to " + where + ", not followed";
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
