package dev.asyncjavalin.lab.bench;

import java.io.PrintStream;

/**
 * One line per phase: its name, a dot per step, then what it did and how long it took:
 * <pre>  load · async                                .......... 6020 answers in 6.6 s</pre>
 * Dots rather than a redrawn counter, so the output reads the same in a terminal and in a log file.
 */
public final class Progress {

    private final PrintStream out;
    private final long startedNanos = System.nanoTime();

    private Progress(PrintStream out, String phase) {
        this.out = out;
        if (out != null) {
            out.printf("  %-46s ", phase);
            out.flush();
        }
    }

    public static Progress start(PrintStream out, String phase) {
        return new Progress(out, phase);
    }

    /** Prints nothing: for a benchmark whose table is its only output. */
    public static Progress silent() {
        return new Progress(null, "");
    }

    public void dot() {
        if (out == null) {
            return;
        }
        synchronized (out) {
            out.print('.');
            out.flush();
        }
    }

    public void finish(String whatWasDone) {
        if (out == null) {
            return;
        }
        out.printf(" %s in %.1f s%n", whatWasDone, (System.nanoTime() - startedNanos) / 1e9);
    }
}
