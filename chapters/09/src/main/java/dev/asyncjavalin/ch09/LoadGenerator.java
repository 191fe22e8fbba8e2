package dev.asyncjavalin.ch09;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The clients of the benchmark: each on its own thread, with its own kept-alive connection,
 * sending requests one after another (a "closed" workload: a client sends its next request only
 * when it has the last answer).
 *
 * <p>A closed workload hides part of the waiting: when the server stalls, its clients stop sending,
 * so the requests they would have sent meanwhile are never timed. That is <em>coordinated
 * omission</em>; an open workload (requests at a fixed rate, whatever the answers) avoids it, and
 * tools like Gatling or wrk2 offer one. Here every client waits for its answer, like the article's.
 */
final class LoadGenerator implements AutoCloseable {

    private final OkHttpClient http;

    LoadGenerator(int maxClients) {
        this.http = new OkHttpClient.Builder()
                // one idle connection kept per client: opening connections is not what we measure
                .connectionPool(new ConnectionPool(maxClients, 5, TimeUnit.MINUTES))
                .readTimeout(Duration.ofSeconds(60)) // a request queued behind a full pool waits long for its first byte
                .callTimeout(Duration.ofSeconds(60))
                .build();
    }

    /**
     * What one run measured.
     *
     * @param latencyMs  every request's latency, as its client saw it
     * @param throughput answers per second within the measuring window; NaN when there was none
     * @param cpuSeconds this JVM's CPU time during the run, on all cores together
     */
    record Run(List<Double> latencyMs, double throughput, Duration wall, int errors, String firstError, double cpuSeconds) {
    }

    /** {@code count} requests one after another, from one client: the article's table. */
    Run sequence(String url, int count, Predicate<String> ok, Progress progress) {
        Request request = new Request.Builder().url(url).build();
        List<Double> latencies = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long cpuBefore = CpuTime.process();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long sent = System.nanoTime();
            String problem = send(request, ok);
            latencies.add((System.nanoTime() - sent) / 1e6);
            if (problem != null) {
                problems.add(problem);
            }
            progress.dot();
        }
        progress.finish(count == 1 ? "1 request" : count + " requests");
        return new Run(latencies, Double.NaN, Duration.ofNanos(System.nanoTime() - started), problems.size(),
                problems.isEmpty() ? "" : problems.get(0), (CpuTime.process() - cpuBefore) / 1e9);
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
    Run load(String url, int clients, Duration ramp, Duration duration, Duration windowStart, Predicate<String> ok, Progress progress) {
        Request request = new Request.Builder().url(url).build();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger inWindow = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clientThreads = Executors.newFixedThreadPool(clients, LoadGenerator::clientThread);
        long cpuBefore = CpuTime.process();
        long started = System.nanoTime();
        long windowOpens = started + windowStart.toNanos();
        long stopSending = started + duration.toNanos();
        for (int client = 0; client < clients; client++) {
            long startAt = started + ramp.toNanos() * client / clients;
            clientThreads.execute(() -> {
                awaitQuietly(go);
                waitUntil(startAt); // this client's turn to arrive
                long answered;
                do {
                    long sent = System.nanoTime();
                    String problem = send(request, ok);
                    answered = System.nanoTime();
                    latencies.add((answered - sent) / 1e6);
                    if (problem != null) {
                        problems.add(problem);
                    } else if (answered >= windowOpens && answered < stopSending) {
                        inWindow.incrementAndGet();
                    }
                } while (answered < stopSending);
            });
        }
        go.countDown();
        clientThreads.shutdown();
        awaitWithDots(clientThreads, duration, progress);
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        progress.finish(latencies.size() + " answers");
        Duration window = duration.minus(windowStart);
        double throughput = window.isZero() || window.isNegative() ? Double.NaN : inWindow.get() / (window.toNanos() / 1e9);
        return new Run(new ArrayList<>(latencies), throughput, wall, problems.size(), problems.isEmpty() ? "" : problems.peek(),
                (CpuTime.process() - cpuBefore) / 1e9);
    }
    // end::load[]

    /** Sends one request; null when it went well, else what went wrong. */
    private String send(Request request, Predicate<String> ok) {
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (response.code() != 200) {
                return "HTTP " + response.code();
            }
            return ok.test(body) ? null : "HTTP 200, but an upstream call in it failed";
        } catch (IOException e) {
            return e.toString();
        }
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

    /** Waits for the clients to finish, printing a dot per tenth of the duration (per second at least). */
    private static void awaitWithDots(ExecutorService clients, Duration duration, Progress progress) {
        long step = Math.max(duration.toMillis() / 10, 1000);
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

    /** Closes the kept-alive connections, so that the app they go to can stop without waiting for them. */
    void closeConnections() {
        http.connectionPool().evictAll();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
