package dev.asyncjavalin.ch09;

import java.io.PrintStream;

/**
 * What every part of the benchmark measures with: where it prints, the harness that starts apps and
 * sends load, the servers outside this JVM measured beside the models, and the blocking routes' pool.
 */
record Measuring(PrintStream out, Harness harness, ExternalRows external, int poolSize) {

    ConsoleTables tables() {
        return new ConsoleTables(out);
    }
}
