package dev.asyncjavalin.ch09;

import dev.asyncjavalin.lab.CommandLine;
import dev.asyncjavalin.lab.DaemonThreads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The article's Flask app ({@code flask/app.py}) under gunicorn, started by the benchmark as a
 * child process: {@code workers} processes of {@code threads} threads each. Debian's Python by
 * default ({@code /usr/bin/python3}), where {@code apt-get} puts Flask; another one with
 * {@code -Dcourse.python=...}.
 */
final class FlaskApp implements ExternalServer {

    static final List<String> MODULES = List.of("flask", "aiohttp", "requests", "asgiref", "gunicorn");
    static final String INSTALL = "sudo apt-get install python3-flask python3-aiohttp python3-requests python3-asgiref gunicorn";
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern LISTENING = Pattern.compile("Listening at: http://127\\.0\\.0\\.1:(\\d+)");
    /** Prints the versions, or the modules this Python lacks (exit status 3). */
    private static final String CHECK = """
            import importlib.util, platform, sys
            missing = [m for m in sys.argv[1:] if importlib.util.find_spec(m) is None]
            if missing:
                print(", ".join(missing)); sys.exit(3)
            from importlib.metadata import version
            print("Python %s, Flask %s, aiohttp %s, requests %s, asgiref %s, gunicorn %s" % (platform.python_version(),
                  version("flask"), version("aiohttp"), version("requests"), version("asgiref"), version("gunicorn")))
            """;

    private final String python;
    private final Path appDirectory;
    private final int workers;
    private final int threads;
    private final Path log;
    private final String versions;

    private FlaskApp(String python, Path appDirectory, int workers, int threads, Path log, String versions) {
        this.python = python;
        this.appDirectory = appDirectory;
        this.workers = workers;
        this.threads = threads;
        this.log = log;
        this.versions = versions;
    }

    /**
     * The app as the command line asks for it ({@code --flask-workers 2 --flask-threads 100}),
     * once this machine is known to have what it needs; otherwise a message that says what is missing.
     */
    static FlaskApp fromCommandLine(CommandLine line, Path log) {
        int workers = line.intOption("flask-workers", 2, 1, 16);
        int threads = line.intOption("flask-threads", 100, 1, 1000);
        FlaskApp app = check(python(), appDirectory(), workers, threads, log);
        try {
            Files.deleteIfExists(log); // this run's gunicorn log only
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return app;
    }

    /** Checks the Python and the app's directory; {@link CommandLine.UsageException} names what is missing and how to get it. */
    static FlaskApp check(String python, Path appDirectory, int workers, int threads, Path log) {
        if (!Files.isRegularFile(appDirectory.resolve("app.py"))) {
            throw new CommandLine.UsageException("the Flask app is not at " + appDirectory.toAbsolutePath().normalize().resolve("app.py")
                    + " (set -Dcourse.flaskApp to its directory)");
        }
        List<String> command = new ArrayList<>(List.of(python, "-c", CHECK));
        command.addAll(MODULES);
        String answer;
        int status;
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            status = process.waitFor(); // the output has ended: the process is ending
        } catch (IOException e) {
            throw new CommandLine.UsageException("the Flask side of this run needs Python 3, and there is none at " + python
                    + ". Install it with: " + INSTALL + " (or name another Python 3.11: -Dcourse.python=/path/to/python3)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + python, e);
        }
        if (status == 3) {
            throw new CommandLine.UsageException("the Flask side of this run needs " + String.join(", ", MODULES) + " in " + python
                    + ", which lacks: " + answer + ". On Debian or Ubuntu: " + INSTALL + "; elsewhere, in a Python 3.11: "
                    + "python3 -m pip install -r chapters/09/flask/requirements.txt and -Dcourse.python=<that python3>");
        }
        if (status != 0) {
            throw new CommandLine.UsageException(python + " could not check its modules (exit status " + status + "): " + answer);
        }
        return new FlaskApp(python, appDirectory, workers, threads, log, answer);
    }

    /** {@code -Dcourse.python}, else Debian's Python (a {@code python3} on PATH may be another one, without Flask), else PATH's. */
    static String python() {
        String configured = System.getProperty("course.python", "");
        if (!configured.isBlank()) {
            return configured;
        }
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /** {@code -Dcourse.flaskApp} (both chapter 09 modules set it), else where it is from the repository's root. */
    static Path appDirectory() {
        return Path.of(System.getProperty("course.flaskApp", "chapters/09/flask"));
    }

    @Override
    public String describe() {
        return "Flask rows: the article's app (chapters/09/flask/app.py) under gunicorn, " + threads() + "; " + versions
                + ". It runs in processes of its own on the same cores; its CPU is added to the CPU column of its rows."
                + " Its \"vs sync\" is against Flask's own sync route.";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route("Flask sync", "/sync_get_urls"), new Route("Flask async v1", "/async_get_urls_v1"),
                new Route("Flask async v2", "/async_get_urls_v2"));
    }

    @Override
    public String threads() {
        return workers + (workers == 1 ? " gunicorn worker" : " gunicorn workers") + " x " + threads + " threads";
    }

    @Override
    public int threadsForRequests() {
        return workers * threads; // all three routes hold their worker thread until the page is written
    }

    // tag::start[]
    @Override
    public Running start(String upstreamBaseUrl, int pages) {
        ProcessBuilder gunicorn = new ProcessBuilder(python, "-m", "gunicorn", "--bind", "127.0.0.1:0", // a free port, read from its log
                "--worker-class", "gthread", "--workers", String.valueOf(workers), "--threads", String.valueOf(threads), "app:app")
                .directory(appDirectory.toFile())
                .redirectErrorStream(true);
        gunicorn.environment().put("UPSTREAM_URL", upstreamBaseUrl);
        gunicorn.environment().put("PAGES", String.valueOf(pages));
        gunicorn.environment().put("STOP_AT_STDIN_END", "1"); // see gunicorn.conf.py: it stops when this JVM ends, however
        gunicorn.environment().put("PYTHONDONTWRITEBYTECODE", "1"); // no __pycache__ in the repository
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            return new Started(gunicorn.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start gunicorn with " + python, e);
        }
    }
    // end::start[]

    /** A running gunicorn: its log copied to {@link #log}, stopped by {@link #close()} or, failing that, when the JVM exits. */
    private final class Started implements Running {

        private final Process process;
        private final CompletableFuture<Integer> port = new CompletableFuture<>();
        private final Deque<String> lastLines = new ArrayDeque<>();
        private final Thread stopAtExit;
        private final Thread logCopier;
        private final String baseUrl;

        Started(Process process) {
            this.process = process;
            this.stopAtExit = new Thread(this::stop, "flask-stop");
            Runtime.getRuntime().addShutdownHook(stopAtExit); // Ctrl+C or a failure: never leave a gunicorn behind
            this.logCopier = DaemonThreads.named("flask-log").newThread(this::copyLog);
            logCopier.start();
            try {
                this.baseUrl = "http://127.0.0.1:" + port.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                awaitFirstPage();
            } catch (IOException | RuntimeException | ExecutionException | TimeoutException e) {
                close();
                awaitLogEnd(); // gunicorn's last words say why, and they may still be on their way
                throw new IllegalStateException("gunicorn did not start: " + reason(e) + lastLog(), e);
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while gunicorn was starting", e);
            }
        }

        @Override
        public String baseUrl() {
            return baseUrl;
        }

        @Override
        public long cpuNanos() {
            return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                    .mapToLong(handle -> handle.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                    .sum();
        }

        @Override
        public void close() {
            stop();
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException alreadyExiting) {
                // the hook runs anyway, and finds everything stopped
            }
        }

        /**
         * Closes gunicorn's stdin, which stops it at once (gunicorn.conf.py): the measurement is over and
         * its clients' connections are closed, so nothing is left to finish. Failing that SIGTERM, then SIGKILL.
         */
        private void stop() {
            List<ProcessHandle> workers = process.descendants().toList(); // before the master goes: they outlive it a moment
            try {
                process.getOutputStream().close();
            } catch (IOException alreadyGone) {
                // then the signals below
            }
            try {
                if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroy();
                }
                if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
                for (ProcessHandle worker : workers) {
                    worker.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // reported below by the worker still alive
            } finally {
                workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            }
        }

        /** The workers import the app only now: the first page proves they can (a wrong setting stops them here). */
        private void awaitFirstPage() throws IOException {
            HttpURLConnection home = (HttpURLConnection) URI.create(baseUrl + "/").toURL().openConnection();
            home.setConnectTimeout((int) START_TIMEOUT.toMillis());
            home.setReadTimeout((int) START_TIMEOUT.toMillis());
            try {
                if (home.getResponseCode() != 200) {
                    throw new IOException("GET / answered HTTP " + home.getResponseCode());
                }
            } finally {
                home.disconnect();
            }
        }

        /** Copies gunicorn's output to the log file, and finds the port it listens on. */
        private void copyLog() {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    file.println(line);
                    remember(line);
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        port.complete(Integer.parseInt(listening.group(1)));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IOException("gunicorn ended before it listened on a port"));
        }

        private void awaitLogEnd() {
            try {
                logCopier.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void remember(String line) {
            synchronized (lastLines) {
                lastLines.addLast(line);
                if (lastLines.size() > 12) {
                    lastLines.removeFirst();
                }
            }
        }

        private String lastLog() {
            synchronized (lastLines) {
                return lastLines.isEmpty() ? "" : "\n  its last lines (all of them in " + log.toAbsolutePath().normalize() + "):\n    "
                        + String.join("\n    ", lastLines);
            }
        }

        private String reason(Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return cause instanceof TimeoutException ? "no port within " + START_TIMEOUT.toSeconds() + " s" : String.valueOf(cause.getMessage());
        }
    }
}
