package dev.asyncjavalin.lab.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/** Turns an upstream response into a {@link PageResult}, reading at most {@link #MAX_BODY_BYTES}. */
public final class PageReader {

    /** A recipe page is a few KiB; anything past 1 MiB is not a page we want in memory. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int MAX_TITLE_CHARS = 200;

    private PageReader() {
    }

    /**
     * Reads the body of {@code response} (the caller still closes it). A body over the limit
     * becomes a {@link Outcome#TOO_LARGE} row after reading only one byte past the limit.
     */
    public static PageResult read(String url, Response response, long startNanos) throws IOException {
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

    static String titleOf(String html) {
        Matcher matcher = TITLE.matcher(html);
        if (!matcher.find()) {
            return "";
        }
        String title = matcher.group(1).strip();
        return title.length() > MAX_TITLE_CHARS ? title.substring(0, MAX_TITLE_CHARS) + "…" : title;
    }

    /** Time since {@code startNanos}, for the rows of calls that failed. */
    public static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
