package dev.asyncjavalin.ch08;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a job page says, read from its {@code <section class="job" data-...>} and its result and error. */
record JobPage(String state, int done, int steps, String result, String error) {

    private static final Pattern SECTION = Pattern.compile(
            "<section class=\"job\" data-id=\"\\d+\" data-state=\"(\\w+)\" data-done=\"(\\d+)\" data-steps=\"(\\d+)\">");
    private static final Pattern RESULT = Pattern.compile("<code class=\"result\">([^<]*)</code>");
    private static final Pattern ERROR = Pattern.compile("<strong class=\"error\">([^<]*)</strong>");

    static JobPage of(String html) {
        Matcher section = SECTION.matcher(html);
        if (!section.find()) {
            throw new AssertionError("not a job page:\n" + html);
        }
        return new JobPage(section.group(1), Integer.parseInt(section.group(2)), Integer.parseInt(section.group(3)),
                first(RESULT, html), first(ERROR, html));
    }

    private static String first(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        return matcher.find() ? matcher.group(1) : "";
    }
}
