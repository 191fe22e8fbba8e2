package dev.asyncjavalin.ch09;

import java.io.PrintStream;

/**
 * One line per phase: its name, a dot per step, then what it did and how long it took:
 * <pre>  load · async                                .......... 6020 answers in 6.6 s</pre>
 * Dots rather than a redrawn counter, so the output reads the same in a terminal and in a log file.
 */
final class Progress {

    private final PrintStream out;
    private final long startedNanos = System.nanoTime();

    private Progress(PrintStream out, String phase) {
        this.out = out;
        out.printf("  %-46s ", phase);
        out.flush();
    }

    static Progress start(PrintStream out, String phase) {
        return new Progress(out, phase);
    }

    void dot() {
        synchronized (out) {
            out.print('.');
            out.flush();
        }
    }

    void finish(String whatWasDone) {
        out.printf(" %s in %.1f s%n", whatWasDone, (System.nanoTime() - startedNanos) / 1e9);
    }
}
