package dev.asyncjavalin.ch09;

import java.nio.file.Path;

/**
 * What changes between a manual run, the benchmark and a test.
 *
 * @param requestThreads  which threads run the handlers
 * @param benchmarkFiles  where the benchmark writes results.csv, results.json and report.html
 */
record Settings(RequestThreads requestThreads, Path benchmarkFiles) {

    /** Javalin's default pool, and the results of {@code exec:java@benchmark} (see pom.xml). */
    static Settings defaults() {
        return new Settings(RequestThreads.pool(RequestThreads.DEFAULT_POOL_SIZE), defaultBenchmarkFiles());
    }

    static Path defaultBenchmarkFiles() {
        return Path.of(System.getProperty("course.benchmarkDir", "target/benchmark"));
    }

    Settings with(RequestThreads threads) {
        return new Settings(threads, benchmarkFiles);
    }

    Settings withBenchmarkFiles(Path directory) {
        return new Settings(requestThreads, directory);
    }
}
