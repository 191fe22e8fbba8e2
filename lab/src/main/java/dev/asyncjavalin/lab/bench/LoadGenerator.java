package dev.asyncjavalin.lab.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The clients of the chapters' benchmarks: each on its own thread, with its own kept-alive
 * connection, sending requests one after another (a "closed" workload: a client sends its next
 * request only when it has the last answer).
 *
 * <p>A closed workload hides part of the waiting: when the server stalls, its clients stop sending,
 * so the requests they would have sent meanwhile are never timed. That is <em>coordinated
 * omission</em>; an open workload (requests at a fixed rate, whatever the answers) avoids it, and
 * tools like Gatling or wrk2 offer one. Here every client waits for its answer, like the article's.
 */
public final class LoadGenerator implements AutoCloseable {

    private final OkHttpClient http;
    private final ThreadFactory clientThreads;

    /** Up to {@code maxClients} clients on platform threads; a request may take up to 60 s. */
    public LoadGenerator(int maxClients) {
        this(maxClients, Duration.ofSeconds(60));
    }

    /** Clients on platform threads, for requests that may take up to {@code callTimeout}. */
    public LoadGenerator(int maxClients, Duration callTimeout) {
        this(maxClients, callTimeout, LoadGenerator::clientThread);
    }

    /** Clients on threads from {@code clientThreads} (virtual ones, for instance, on JDK 21+). */
    public LoadGenerator(int maxClients, Duration callTimeout, ThreadFactory clientThreads) {
        this.http = new OkHttpClient.Builder()
                // one idle connection kept per client: opening connections is not what we measure
                .connectionPool(new ConnectionPool(maxClients, 5, TimeUnit.MINUTES))
                .readTimeout(callTimeout) // a request queued behind a full pool waits long for its first byte
                .callTimeout(callTimeout)
                .build();
        this.clientThreads = clientThreads;
    }

    /**
     * What one run measured.
     *
     * @param latencyMs  every request's latency, as its client saw it
     * @param throughput answers per second within the measuring window; NaN when there was none
     * @param answered   the answers received, whatever their status
     * @param refused    503 answers that the client waited out and sent again (see {@link #shared})
     * @param problems   what went wrong, one line per failed request, in order
     * @param cpuSeconds this JVM's CPU time during the run, on all cores together
     */
    public record Run(List<Double> latencyMs, double throughput, Duration wall, int answered, int refused, List<String> problems,
            double cpuSeconds) {

        public int errors() {
            return problems.size();
        }

        public String firstError() {
            return problems.isEmpty() ? "" : problems.get(0);
        }

        /** Every request's latency, rounded to whole milliseconds. */
        public List<Long> latencyMillis() {
            return latencyMs.stream().map(Math::round).toList();
        }

        /** Requests per second over the whole run, from the first request sent to the last answer. */
        public double perSecond() {
            return latencyMs.size() / Math.max(0.001, wall.toNanos() / 1e9);
        }

        /** {@link Stats#medianMillis} of the whole-millisecond latencies: the median column of the chapters' tables. */
        public long medianMillis() {
            return Stats.medianMillis(latencyMillis());
        }

        /** {@link Stats#percentile} of the whole-millisecond latencies; 100 is the slowest request. */
        public long percentileMillis(int percent) {
            return Stats.percentile(latencyMillis(), percent);
        }

        /** How many requests failed for each reason, the reasons in alphabetical order: one line each, however many failed. */
        public SortedMap<String, Long> problemCounts() {
            return problems.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        }
    }

    /** {@code count} requests one after another, from one client. */
    public Run sequence(String url, int count, Predicate<String> ok, Progress progress) {
        Request request = new Request.Builder().url(url).build();
        Recorder recorder = new Recorder(0, Long.MAX_VALUE);
        for (int i = 0; i < count; i++) {
            recorder.send(request, ok, false);
            progress.dot();
        }
        progress.finish(count == 1 ? "1 request" : count + " requests");
        return recorder.run(Duration.ZERO);
    }

    // tag::load[]
    /**
     * {@code clients} clients start one after another, evenly spread over {@code ramp}; each sends
     * requests to {@code url}, one after another, until {@code duration} has passed, and counts an
     * answer as good only if it is a 200 whose body passes {@code ok}. With a duration of zero,
     * each client sends exactly one.
     *
     * <p>The ramp is how real users arrive: not all in the same millisecond. Started in lockstep,
     * a thousand clients would send a thousand requests at once, every latency, and what got
     * measured would be how fast one machine accepts a burst, not what the server sustains.
     *
     * <p>Throughput is counted over the steady part only: the answers that arrive from
     * {@code windowStart} until {@code duration}. Before it, clients are still starting and queues
     * fill up; after it, clients stop sending and the last requests drain.
     */
    public Run load(String url, int clients, Duration ramp, Duration duration, Duration windowStart, Predicate<String> ok,
            Progress progress) {
        long started = System.nanoTime();
        long stopSending = started + duration.toNanos();
        Recorder recorder = new Recorder(started + windowStart.toNanos(), stopSending);
        // at least one request each; then more while the last answer came before the end
        fire(new Request.Builder().url(url).build(), clients, ramp, sent -> sent == 0 || recorder.lastAnswerOfThisClient() < stopSending,
                recorder, ok, false, duration, progress);
        return recorder.run(duration.minus(windowStart));
    }

    /** Whether a client sends another request, given how many it has sent. */
    private interface Turns {
        boolean another(int sentByThisClient);
    }

    private void fire(Request request, int clients, Duration ramp, Turns turns, Recorder recorder, Predicate<String> ok,
            boolean retryRefused, Duration expected, Progress progress) {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(clients, clientThreads);
        long started = System.nanoTime();
        for (int client = 0; client < clients; client++) {
            long startAt = started + ramp.toNanos() * client / clients;
            threads.execute(() -> {
                awaitQuietly(go);
                waitUntil(startAt); // this client's turn to arrive
                for (int sent = 0; turns.another(sent); sent++) {
                    recorder.send(request, ok, retryRefused);
                }
            });
        }
        go.countDown();
        threads.shutdown();
        awaitWithDots(threads, expected, progress);
        progress.finish(recorder.latencies.size() + " answers");
    }
    // end::load[]

    /** Every client at once, each sending {@code perClient} requests one after another. */
    public Run requests(Request request, int clients, int perClient, Predicate<String> ok, Progress progress) {
        Recorder recorder = new Recorder(0, Long.MAX_VALUE);
        fire(request, clients, Duration.ZERO, sent -> sent < perClient, recorder, ok, false, Duration.ZERO, progress);
        return recorder.run(Duration.ZERO);
    }

    /**
     * A warm-up round, not counted (classes loaded, the JIT started, every client's connection opened),
     * then the round that counts: every client at once, each sending {@code perClient} requests.
     */
    public Run requestsAfterWarmUp(String url, int clients, int perClient, Predicate<String> ok) {
        Request request = new Request.Builder().url(url).build();
        requests(request, clients, 1, ok, Progress.silent());
        return requests(request, clients, perClient, ok, Progress.silent());
    }

    /**
     * {@code clients} clients send requests one after another until {@code total} have been
     * answered. A client refused with 503 does what Retry-After asks: waits, then sends the same
     * request again; only the answer it finally gets is timed.
     */
    public Run shared(String url, int clients, int total, Predicate<String> ok, Progress progress) {
        AtomicInteger left = new AtomicInteger(total);
        Recorder recorder = new Recorder(0, Long.MAX_VALUE);
        fire(new Request.Builder().url(url).build(), clients, Duration.ZERO, sent -> left.getAndDecrement() > 0, recorder, ok, true,
                Duration.ZERO, progress);
        return recorder.run(Duration.ZERO);
    }

    /** One request's body, whatever its status: for reading a page after a run. */
    public String get(Request request) {
        try (Response response = http.newCall(request).execute()) {
            return response.body().string();
        } catch (IOException e) {
            throw new UncheckedIOException(request.url() + " failed", e);
        }
    }

    /**
     * Runs {@code work} against a started app, given its base URL, then closes the kept-alive connections
     * and stops the app, whatever happened: a benchmark measures each mode on a fresh app, and the next
     * one must not share the machine with the last one's threads.
     */
    public <T> T onApp(Javalin app, Function<String, T> work) {
        try {
            return work.apply("http://localhost:" + app.port());
        } finally {
            closeConnections();
            app.stop();
        }
    }

    /** Closes the kept-alive connections, so that the app they go to can stop without waiting for them. */
    public void closeConnections() {
        http.connectionPool().evictAll();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** What the clients of one run saw, shared by all of them. */
    private final class Recorder {

        private final ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();
        private final AtomicInteger inWindow = new AtomicInteger();
        private final ThreadLocal<Long> lastAnswer = ThreadLocal.withInitial(() -> Long.MIN_VALUE);
        private final long windowOpens;
        private final long windowCloses;
        private final long cpuBefore = CpuTime.process();
        private final long started = System.nanoTime();

        Recorder(long windowOpens, long windowCloses) {
            this.windowOpens = windowOpens;
            this.windowCloses = windowCloses;
        }

        long lastAnswerOfThisClient() {
            return lastAnswer.get();
        }

        void send(Request request, Predicate<String> ok, boolean retryRefused) {
            long sent = System.nanoTime();
            String problem;
            try {
                Response response = http.newCall(request).execute();
                while (retryRefused && response.code() == 503) { // refused: wait as asked, then the same request again
                    refused.incrementAndGet();
                    waitAsAsked(response);
                    sent = System.nanoTime();
                    response = http.newCall(request).execute();
                }
                try (Response answer = response) {
                    String body = answer.body().string();
                    answered.incrementAndGet();
                    problem = answer.code() != 200 ? ("HTTP " + answer.code() + " " + firstLine(body)).strip()
                            : ok.test(body) ? null : "HTTP 200, but an upstream call in it failed";
                }
            } catch (IOException e) {
                problem = e.toString();
            }
            long now = System.nanoTime();
            lastAnswer.set(now);
            latencies.add((now - sent) / 1e6);
            if (problem != null) {
                problems.add(problem);
            } else if (now >= windowOpens && now < windowCloses) {
                inWindow.incrementAndGet();
            }
        }

        Run run(Duration window) {
            double throughput = window.isZero() || window.isNegative() ? Double.NaN : inWindow.get() / (window.toNanos() / 1e9);
            return new Run(new ArrayList<>(latencies), throughput, Duration.ofNanos(System.nanoTime() - started), answered.get(),
                    refused.get(), new ArrayList<>(problems), (CpuTime.process() - cpuBefore) / 1e9);
        }
    }

    /** Enough of an error page to recognize it in one line. */
    private static String firstLine(String body) {
        String line = body.strip().lines().findFirst().orElse("");
        return line.length() <= 120 ? line : line.substring(0, 120) + "...";
    }

    /** A polite client: sleeping here is the point, it keeps a refused client from asking again at once. */
    private static void waitAsAsked(Response busy) {
        String retryAfter = busy.header("Retry-After", "1");
        busy.close();
        long seconds = retryAfter.matches("\\d{1,3}") ? Long.parseLong(retryAfter) : 1;
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(seconds));
    }

    private static Thread clientThread(Runnable task) {
        // a small stack: a client needs little, and there may be a thousand of them
        Thread thread = new Thread(null, task, "client", 256 * 1024);
        thread.setDaemon(true);
        return thread;
    }

    private static void waitUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the clients to finish, printing a dot per tenth of the expected duration (per second at least). */
    private static void awaitWithDots(ExecutorService clients, Duration expected, Progress progress) {
        long step = Math.max(expected.toMillis() / 10, 1000);
        long giveUp = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        try {
            while (!clients.awaitTermination(step, TimeUnit.MILLISECONDS)) {
                progress.dot();
                if (System.nanoTime() > giveUp) {
                    clients.shutdownNow();
                    throw new IllegalStateException("the clients did not finish within 10 minutes");
                }
            }
        } catch (InterruptedException e) {
            clients.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
