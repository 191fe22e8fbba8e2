package dev.asyncjavalin.lab.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** CSV cells for a spreadsheet: numbers with a dot whatever the locale, quoting per RFC 4180. */
public final class Csv {

    private Csv() {
    }

    /** One line of cells, each quoted where it needs it, ended by a line break. */
    public static String line(List<String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\n";
    }

    /** Two decimals with a dot; empty for a number that could not be computed. */
    public static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : "";
    }

    /** A count; empty for one not measured (negative). */
    public static String count(long count) {
        return count >= 0 ? String.valueOf(count) : "";
    }

    /** Quotes a cell that holds a comma, a quote or a line break. */
    public static String cell(String text) {
        boolean needsQuotes = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return needsQuotes ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
