package dev.asyncjavalin.ch09;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A horizontal bar chart, drawn by {@code chart.jte} as plain inline SVG: a label, a bar and its
 * value per row, and dashed reference lines (a bound, an ideal). This class does the arithmetic;
 * the template only places what it computes.
 *
 * <p>Why not a charting library: XChart, for one, writes SVG only with an extra LGPL library and
 * about 200 KB per chart (its text drawn as outlines). A few rectangles in a template weigh a few
 * KB, need nothing, and stay readable and searchable text.
 */
public record BarChart(String title, List<Bar> bars, List<Line> lines) {

    /** One row: {@code text} is printed after the bar, e.g. "1,184 ms". NaN draws no bar. */
    public record Bar(String label, double value, String text) {
    }

    /** A dashed vertical line across all rows, e.g. the slowest call or the ideal throughput. */
    public record Line(String label, double value) {
    }

    public static final int WIDTH = 760;
    static final int LABEL_WIDTH = 200;
    static final int PLOT_WIDTH = 420;
    static final int ROW_HEIGHT = 30;
    static final int LINE_LABEL_HEIGHT = 14;

    /** Where the first bar starts: below one label row per reference line. */
    public int top() {
        return 10 + LINE_LABEL_HEIGHT * lines.size();
    }

    public int height() {
        return top() + bars.size() * ROW_HEIGHT + 10;
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }

    /** The value at the right end of the plot: the largest value or line, with room for the text. */
    double scaleMax() {
        double max = Stream.concat(bars.stream().map(Bar::value), lines.stream().map(Line::value))
                .filter(Double::isFinite).mapToDouble(Double::doubleValue).max().orElse(1);
        return max <= 0 ? 1 : max * 1.05;
    }

    /** The x coordinate of {@code value}, as SVG text. */
    public String x(double value) {
        return px(LABEL_WIDTH + length(value));
    }

    public String barLength(Bar bar) {
        return px(length(bar.value()));
    }

    /** The top of row {@code index}'s bar. */
    public int barY(int index) {
        return top() + index * ROW_HEIGHT;
    }

    /** Where a line's label sits: one row each, so labels of close lines do not overlap. */
    public int lineLabelY(int index) {
        return 10 + LINE_LABEL_HEIGHT * index;
    }

    private double length(double value) {
        return Double.isFinite(value) && value > 0 ? value / scaleMax() * PLOT_WIDTH : 0;
    }

    private static String px(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
