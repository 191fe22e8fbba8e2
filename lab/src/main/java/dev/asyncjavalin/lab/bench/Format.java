package dev.asyncjavalin.lab.bench;

import java.util.Locale;

/** How the console and the report print numbers; "n/a" for what could not be computed. */
public final class Format {

    private Format() {
    }

    public static String ms(double millis) {
        return Double.isFinite(millis) ? String.format(Locale.ROOT, "%,.0f ms", millis) : "n/a";
    }

    public static String perSecond(double rate) {
        return Double.isFinite(rate) ? String.format(Locale.ROOT, "%,.0f/s", rate) : "n/a";
    }

    public static String times(double ratio) {
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2fx", ratio) : "n/a";
    }

    /** A count with thousands separators; "n/a" for one not measured (negative), e.g. the threads of another process. */
    public static String count(long count) {
        return count >= 0 ? String.format(Locale.ROOT, "%,d", count) : "n/a";
    }

    public static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.0f%%", share * 100) : "n/a";
    }
}
