package dev.asyncjavalin.lab.checks;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Starts a chapter app as a child process, loads it with many clients, sends it SIGTERM (what
 * {@link Process#destroy()} sends on Linux, and what Ctrl+C and {@code docker stop} send), and
 * counts what every client got. A graceful stop answers every request it accepted and refuses the
 * rest politely: with a 503, or by closing the connection before it took the request. A 500 is
 * neither, so the target is no 500 at all.
 *
 * <p>Arguments, all optional: {@code [mainClass [clients [path [loadSeconds]]]]}, by default
 * {@code dev.asyncjavalin.ch04.App 600 /async_get_urls_v2 3}. The child runs on this JVM's class
 * path, so run this with the chapter's:
 *
 * <pre>mvn -q -pl chapters/04 exec:java -Dcourse.mainClass=dev.asyncjavalin.lab.checks.StopUnderLoad -Dexec.args="dev.asyncjavalin.ch04.App 600"</pre>
 *
 * Exit code 0 when no client got a 500 and every request sent before the SIGTERM got an answer
 * (200, or a 503 that says why) or a refused connection; 1 otherwise; 2 when the app did not
 * start, or did not exit within 15 s of the SIGTERM.
 * Loopback only; every wait is bounded (the whole run takes well under 30 s).
 */
public final class StopUnderLoad {

    private static final String REFUSED = "connection refused";
    private static final Duration START_WITHIN = Duration.ofSeconds(20);
    /** Longer than {@code Lab.STOP_TIMEOUT} (10 s): a stop that overruns it shows as a failed stop, not a hang. */
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(15);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    /** What the clients saw, by outcome: a status code ("200", "503") or an exception's class. */
    public record Result(Map<String, Long> beforeStop, Map<String, Long> afterStop, long sentBeforeStop,
            Duration stopTook, int exitCode) {

        public long count(String outcome) {
            return beforeStop.getOrDefault(outcome, 0L) + afterStop.getOrDefault(outcome, 0L);
        }

        /**
         * Requests sent before the SIGTERM that got a 500, or a connection closed under them: work
         * the app may have accepted and let down. A refused connection was never accepted.
         */
        public long acceptedAndLetDown() {
            return beforeStop.entrySet().stream()
                    .filter(entry -> isAnswer(entry.getKey()) ? entry.getKey().equals("500") : !entry.getKey().equals(REFUSED))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        public boolean targetHolds() {
            return count("500") == 0 && acceptedAndLetDown() == 0;
        }

        private static boolean isAnswer(String outcome) {
            return Character.isDigit(outcome.charAt(0));
        }

        @Override
        public String toString() {
            long answered = count("200");
            long refused503 = count("503");
            long refusedConnection = count(REFUSED);
            long otherServerErrors = Map.copyOf(merged()).entrySet().stream()
                    .filter(entry -> isAnswer(entry.getKey()) && entry.getKey().startsWith("5") && !entry.getKey().equals("503"))
                    .mapToLong(Map.Entry::getValue).sum();
            long clientErrors = merged().entrySet().stream()
                    .filter(entry -> !isAnswer(entry.getKey()) && !entry.getKey().equals(REFUSED))
                    .mapToLong(Map.Entry::getValue).sum();
            return String.format("answered 200: %d · refused 503: %d · connection refused: %d · 500: %d · other 5xx: %d · client errors: %d%n"
                            + "  sent before the SIGTERM: %d, of which 500 or cut off: %d%n"
                            + "  before the SIGTERM: %s%n  after the SIGTERM:  %s%n"
                            + "  the app stopped %.1f s after the SIGTERM, exit code %d",
                    answered, refused503, refusedConnection, count("500"), otherServerErrors, clientErrors,
                    sentBeforeStop, acceptedAndLetDown(), beforeStop, afterStop, stopTook.toMillis() / 1000.0, exitCode);
        }

        private Map<String, Long> merged() {
            Map<String, Long> all = new TreeMap<>(beforeStop);
            afterStop.forEach((outcome, count) -> all.merge(outcome, count, Long::sum));
            return all;
        }
    }

    private StopUnderLoad() {
    }

    public static Result run(String mainClass, int clients, String path, Duration load) throws IOException, InterruptedException {
        int port = freePort();
        Path output = Files.createTempFile("stop-under-load-", ".log");
        Process app = new ProcessBuilder(javaCommand(), "-cp", classPathOf(StopUnderLoad.class), mainClass, "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            URI page = URI.create("http://localhost:" + port + path);
            awaitStarted(http, URI.create("http://localhost:" + port + "/"), app, output);

            Load running = new Load(http, page);
            IntStream.range(0, clients).forEach(client -> running.next());
            running.awaitAnswers(clients, load);
            // the SIGTERM goes out now: requests sent from here on count as "after"
            running.stopping = true;
            long sentBefore = running.sent.get();
            long signalled = System.nanoTime();
            app.destroy();
            boolean exited = app.waitFor(EXIT_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            Duration stopTook = Duration.ofNanos(System.nanoTime() - signalled);
            running.finished = true;
            running.awaitAll(REQUEST_TIMEOUT);
            new TreeMap<>(running.samples).forEach((status, body) -> System.out.printf("  a %s said: %.160s%n", status, body));
            if (!exited) {
                System.err.println("The app did not exit within " + EXIT_WITHIN.toSeconds() + " s of the SIGTERM; its output: " + output);
                return new Result(running.before(), running.after(), sentBefore, stopTook, -1);
            }
            return new Result(running.before(), running.after(), sentBefore, stopTook, app.exitValue());
        } finally {
            app.destroyForcibly();
        }
    }

    /** Every client sends one request after another until the SIGTERM, and after it until it is refused. */
    private static final class Load {
        final HttpClient http;
        final URI page;
        final Map<String, LongAdder> before = new ConcurrentHashMap<>();
        final Map<String, LongAdder> after = new ConcurrentHashMap<>();
        final AtomicLong sent = new AtomicLong();
        /** The first body of each status other than 200, to say what it was. */
        final Map<String, String> samples = new ConcurrentHashMap<>();
        final AtomicLong done = new AtomicLong();
        volatile boolean stopping;
        volatile boolean finished;

        Load(HttpClient http, URI page) {
            this.http = http;
            this.page = page;
        }

        void next() {
            boolean sentBeforeStop = !stopping;
            sent.incrementAndGet();
            HttpRequest request = HttpRequest.newBuilder(page).timeout(REQUEST_TIMEOUT).build();
            CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            answer.whenComplete((response, failure) -> {
                String outcome = failure == null ? String.valueOf(response.statusCode()) : describe(failure);
                if (failure == null && response.statusCode() != 200) {
                    samples.putIfAbsent(outcome, response.body().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip());
                }
                (sentBeforeStop ? before : after).computeIfAbsent(outcome, ignored -> new LongAdder()).increment();
                done.incrementAndGet();
                synchronized (this) {
                    notifyAll();
                }
                // after the SIGTERM a client stops at its first refusal; nobody sends once the app has exited
                boolean refused = failure != null || response.statusCode() != 200;
                if (!finished && !(stopping && refused)) {
                    next();
                }
            });
        }

        synchronized void awaitAnswers(long count, Duration atMost) throws InterruptedException {
            long until = System.nanoTime() + atMost.toNanos();
            // at least `count` answers, and the whole load time: the app is busy with every client at once
            while (System.nanoTime() < until) {
                TimeUnit.NANOSECONDS.timedWait(this, until - System.nanoTime());
            }
            if (done.get() < count) {
                System.err.printf("only %d answers within %d s of load%n", done.get(), atMost.toSeconds());
            }
        }

        synchronized void awaitAll(Duration atMost) throws InterruptedException {
            long until = System.nanoTime() + atMost.toNanos();
            while (done.get() < sent.get() && System.nanoTime() < until) {
                TimeUnit.NANOSECONDS.timedWait(this, until - System.nanoTime());
            }
        }

        Map<String, Long> before() {
            return counts(before);
        }

        Map<String, Long> after() {
            return counts(after);
        }

        private static Map<String, Long> counts(Map<String, LongAdder> adders) {
            return adders.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().sum(), Long::sum, TreeMap::new));
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        // a connection the stopped app never accepted: refused outright, or left in the backlog until the client gave up
        return cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException ? REFUSED : cause.getClass().getSimpleName();
    }

    private static void awaitStarted(HttpClient http, URI home, Process app, Path output) throws InterruptedException, IOException {
        long until = System.nanoTime() + START_WITHIN.toNanos();
        while (System.nanoTime() < until && app.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(home).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(100); // a start has no event to wait on from another process
        }
        throw new IllegalStateException("the app did not answer within " + START_WITHIN.toSeconds() + " s; its output:\n" + Files.readString(output));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The class path {@code of} was loaded from, for a child JVM: exec:java runs a main in a class
     * loader of its own, java -cp in the system one.
     */
    public static String classPathOf(Class<?> of) {
        ClassLoader loader = of.getClassLoader();
        if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
            return Arrays.stream(urls.getURLs()).map(StopUnderLoad::file).collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static String file(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException("not a file on the class path: " + url, e);
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> given = Arrays.asList(args);
        String mainClass = given.size() > 0 ? given.get(0) : "dev.asyncjavalin.ch04.App";
        int clients = given.size() > 1 ? Integer.parseInt(given.get(1)) : 600;
        String path = given.size() > 2 ? given.get(2) : "/async_get_urls_v2";
        Duration load = Duration.ofSeconds(given.size() > 3 ? Integer.parseInt(given.get(3)) : 3);
        System.out.printf("%s, %d clients on %s for %d s, then SIGTERM (JDK %s, %d cores)%n",
                mainClass, clients, path, load.toSeconds(), Runtime.version(), Runtime.getRuntime().availableProcessors());
        Result result;
        try {
            result = run(mainClass, clients, path, load);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(result);
        System.exit(result.exitCode() < 0 ? 2 : result.targetHolds() ? 0 : 1);
    }
}
