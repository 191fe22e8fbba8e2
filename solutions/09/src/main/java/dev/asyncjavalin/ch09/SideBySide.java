package dev.asyncjavalin.ch09;

import java.util.List;
import java.util.stream.Stream;

/**
 * The article's own Flask app beside this chapter's Java models, in one run: the benchmark's
 * table and load parts, with the Flask app's three routes measured on the same upstream (same
 * seed), by the same clients, on the same machine, and written into the same report.
 *
 * <p>It needs Python with Flask, aiohttp, requests, asgiref and gunicorn (see
 * {@code chapters/09/flask/requirements.txt}); without them it says what is missing and measures nothing.
 *
 * <pre>mvn -pl chapters/09 exec:java@flask [-Dexec.args="--flask-workers 2 --flask-threads 100 --calls 10 --clients 1000 ..."]</pre>
 */
public final class SideBySide {

    static final String LOG_FILE = "flask-gunicorn.log";

    private SideBySide() {
    }

    public static void main(String[] args) throws Exception {
        // the sweep measures the Java blocking route alone; a --parts given on the command line comes later and wins
        String[] withDefaults = Stream.concat(Stream.of("--parts", "table,load"), Stream.of(args)).toArray(String[]::new);
        Benchmark.main(withDefaults, line -> List.of(FlaskApp.fromCommandLine(line, Settings.defaultBenchmarkFiles().resolve(LOG_FILE))));
    }
}
