package dev.asyncjavalin.lab.bench;

import dev.asyncjavalin.lab.CommandLine;

/** A benchmark's {@code main}: reads the options, runs, and turns a wrong option into a message and exit code 2. */
public final class BenchmarkMain {

    /** What a benchmark does with its options. */
    public interface Body {
        void run(CommandLine line) throws Exception;
    }

    private BenchmarkMain() {
    }

    public static void run(String[] args, Body body) throws Exception {
        try {
            body.run(CommandLine.parse(args));
        } catch (CommandLine.UsageException e) {
            System.err.println("Cannot run the benchmark: " + e.getMessage());
            System.exit(2);
        }
    }
}
