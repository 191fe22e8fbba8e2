package dev.asyncjavalin.lab.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the result rows back out of a chapter page. Pages mark each row as
 * {@code <tr class="result" data-url="..." data-status="...">}, so tests need no HTML parser
 * and do not break when the layout changes.
 */
public final class ResultRows {

    private static final Pattern ROW = Pattern.compile("<tr class=\"result\" data-url=\"([^\"]*)\" data-status=\"([^\"]*)\"");

    /** One row: the URL (as escaped in the HTML) and the status column. */
    public record Row(String url, String status) {
    }

    private ResultRows() {
    }

    public static List<Row> in(String html) {
        List<Row> rows = new ArrayList<>();
        Matcher matcher = ROW.matcher(html);
        while (matcher.find()) {
            rows.add(new Row(matcher.group(1).replace("&amp;", "&"), matcher.group(2)));
        }
        return rows;
    }

    public static List<String> statuses(String html) {
        return in(html).stream().map(Row::status).toList();
    }

    /** Whether a page has rows and every one of them is a 200: a benchmark counts any other page as a failed request. */
    public static boolean allOk(String html) {
        List<String> statuses = statuses(html);
        return !statuses.isEmpty() && statuses.stream().allMatch("200"::equals);
    }
}
