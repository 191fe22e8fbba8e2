package dev.asyncjavalin.ch09;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The platform threads an app runs on, counted while the load is steady. The clients, the upstream
 * and the app share one JVM, so the app's threads are told apart by identity: every thread started
 * since the app was created, except the load generator's clients and the upstream's workers (known
 * by their names). Virtual threads are not counted: they are not what a model runs out of.
 */
final class AppThreads {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** A look every 10 ms: pools grow and stay (Jetty's and OkHttp's keep idle threads a minute), so their peak is seen. */
    private static final long SAMPLE_NANOS = 10_000_000;

    private final Set<Long> notTheApp;

    private AppThreads(Set<Long> notTheApp) {
        this.notTheApp = notTheApp;
    }

    /** Call just before the app is created: every thread alive now is someone else's. */
    static AppThreads startingNow() {
        return new AppThreads(Arrays.stream(THREADS.getAllThreadIds()).boxed().collect(Collectors.toSet()));
    }

    /**
     * What a measured run took.
     *
     * @param peak    the app's live platform threads at the most, in the steady part
     * @param started platform threads started in this JVM during the steady part (a pool's stay; a thread per task does not)
     * @param atPeak  the app's threads when there were most, by name with the numbers left out, e.g. "150 request-N"
     */
    record Use(int peak, long started, String atPeak) {
    }

    /** What {@code run} gave, and the threads it took from {@code windowOpens} after its start until it returned. */
    record Counted<T>(T result, Use threads) {
    }

    // tag::during[]
    @SuppressWarnings("deprecation") // Thread.getId: threadId() is JDK 19+, and this module compiles for 17
    <T> Counted<T> during(Duration windowOpens, Supplier<T> run) {
        long opens = System.nanoTime() + windowOpens.toNanos();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger peak = new AtomicInteger();
        AtomicReference<String> atPeak = new AtomicReference<>("");
        AtomicLong startedBefore = new AtomicLong();
        Map<Long, Boolean> isApp = new HashMap<>(); // a thread's id is never reused: each is looked at once
        Thread sampler = new Thread(() -> {
            isApp.put(Thread.currentThread().getId(), false); // the sampler is not the app's either
            waitUntil(opens); // the clients have all arrived and been answered: the load is steady
            startedBefore.set(THREADS.getTotalStartedThreadCount());
            while (running.get()) {
                long[] apps = appThreads(isApp);
                if (apps.length > peak.get()) {
                    peak.set(apps.length);
                    atPeak.set(byName(apps));
                }
                LockSupport.parkNanos(SAMPLE_NANOS);
            }
        }, "app-thread-count");
        sampler.setDaemon(true);
        sampler.start();
        try {
            T result = run.get();
            return new Counted<>(result, new Use(peak.get(), THREADS.getTotalStartedThreadCount() - startedBefore.get(), atPeak.get()));
        } finally {
            running.set(false);
        }
    }
    // end::during[]

    /** The ids of the app's threads alive now. */
    private long[] appThreads(Map<Long, Boolean> isApp) {
        long[] alive = THREADS.getAllThreadIds();
        long[] unseen = Arrays.stream(alive).filter(id -> !isApp.containsKey(id)).toArray();
        for (ThreadInfo info : THREADS.getThreadInfo(unseen, 0)) {
            if (info != null) { // null: it ended meanwhile
                isApp.put(info.getThreadId(), !notTheApp.contains(info.getThreadId()) && isTheApps(info.getThreadName()));
            }
        }
        return Arrays.stream(alive).filter(id -> isApp.getOrDefault(id, false)).toArray();
    }

    /** "150 request-N, 2 event-loop-client-N, ...": what the threads are, most first. */
    private static String byName(long[] ids) {
        Map<String, Long> counts = Arrays.stream(THREADS.getThreadInfo(ids, 0)).filter(Objects::nonNull)
                .map(info -> info.getThreadName().replaceAll("@.*", "").replaceAll("\\d+", "N"))
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> entry.getValue() + " " + entry.getKey()).collect(Collectors.joining(", "));
    }

    /**
     * Started after the app was created, but not the load generator's clients, the upstream's workers,
     * or OkHttp's housekeeping (one TaskRunner for every OkHttp client in the JVM; the clients' thousand
     * connections keep it busiest).
     */
    private static boolean isTheApps(String name) {
        return !name.equals("client") && !name.startsWith("slow-upstream") && !name.equals("OkHttp TaskRunner") && !name.equals("Okio Watchdog");
    }

    private static void waitUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
