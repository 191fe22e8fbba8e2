package dev.asyncjavalin.ch08;

import dev.asyncjavalin.lab.CommandLine;
import dev.asyncjavalin.lab.DaemonThreads;
import io.javalin.Javalin;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Does a storm of refused requests slow down the work the pool accepted? Loads {@code /hash_async}
 * twice in one run: first with only polite clients (as many as the pool holds, each waiting as
 * {@code Retry-After} asks), then with the same polite clients plus a storm of clients that ignore
 * {@code Retry-After} and ask again at once. Prints the hashes per second the pool completed in
 * each phase and their ratio. Not a test: timings belong in a report.
 *
 * <pre>mvn -pl solutions/08 exec:java@storm [-Dexec.args="--storm 100 --seconds 5 --rounds 3"]</pre>
 *
 * <p>The clients are plain sockets sending one pre-built keep-alive request after another, as a
 * load tool such as wrk does: a heavier client (the JDK's HttpClient) would spend the cores on
 * itself and measure its own cost, not the server's.
 */
public final class RefusalStorm {

    /** The first answer that was neither 200 nor 503: the run stops with it. */
    private static final AtomicReference<String> unexpected = new AtomicReference<>();
    private static final byte[] REQUEST = ("GET /hash_async HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws InterruptedException {
        try {
            CommandLine line = CommandLine.parse(args);
            run(line.intOption("storm", 100, 1, 1000), Duration.ofSeconds(line.intOption("seconds", 5, 2, 120)),
                    line.intOption("rounds", 3, 1, 20));
        } catch (CommandLine.UsageException e) {
            System.err.println("Cannot run the storm: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(int stormClients, Duration phase, int rounds) throws InterruptedException {
        Settings settings = Settings.defaults();
        int polite = settings.cpuThreads() + settings.cpuQueueCapacity(); // the pool's places: full, never refused
        Javalin app = App.create(settings).start("localhost", 0);
        try {
            System.out.printf("%s %s; %d cores; CPU pool: %d threads, %d queue slots%n", System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), settings.cpuThreads(),
                    settings.cpuQueueCapacity());
            System.out.printf("system load average before the run: %.1f%n%n", systemLoad());
            measure(app.port(), polite, 0, Duration.ofSeconds(3)); // warm-up: let the JIT compile the hash and the server
            if (unexpected.get() != null) {
                System.out.println("Cannot measure: " + unexpected.get());
                return;
            }
            // calm and storm take turns, so that a change in what else runs on the machine hits both alike
            System.out.println("round  phase                                         hashes/s   refusals (503)/s   JVM CPU (cores)   CPU ms/hash");
            double calmHashes = 0;
            double stormHashes = 0;
            double calmCpu = 0;
            double stormCpu = 0;
            for (int round = 1; round <= rounds; round++) {
                Phase calm = measure(app.port(), polite, 0, phase);
                print(round, polite + " polite clients", calm);
                Phase storm = measure(app.port(), polite, stormClients, phase);
                print(round, polite + " polite + " + stormClients + " ignoring Retry-After", storm);
                calmHashes += calm.hashesPerSecond();
                stormHashes += storm.hashesPerSecond();
                calmCpu += calm.cores();
                stormCpu += storm.cores();
            }
            System.out.printf("%naccepted work under the storm: %.0f%% of its throughput without it (%d rounds of %d s each)%n",
                    100 * stormHashes / calmHashes, rounds, phase.toSeconds());
            System.out.printf("JVM CPU per accepted hash: %.0f ms without the storm, %.0f ms with it%n",
                    calmCpu * 1000 / Math.max(1e-9, calmHashes), stormCpu * 1000 / Math.max(1e-9, stormHashes));
            System.out.printf("system load average after the run: %.1f%n", systemLoad());
        } finally {
            app.stop();
        }
    }

    private static void print(int round, String phase, Phase result) {
        System.out.printf("%5d  %-44s %9.1f %18.0f %17.2f %13.0f%n", round, phase, result.hashesPerSecond(), result.refusalsPerSecond(),
                result.cores(), result.cpuMillisPerHash());
    }

    /** Answers per second in one phase, and how many cores this JVM (server and clients) kept busy. */
    private record Phase(double hashesPerSecond, double refusalsPerSecond, double cores) {

        /** CPU time of this JVM per accepted hash: what the refusals add shows here, whatever share of the machine the JVM got. */
        double cpuMillisPerHash() {
            return hashesPerSecond == 0 ? 0 : cores * 1000 / hashesPerSecond;
        }
    }

    /** Clients connect and get their first answers before a phase is counted: the count starts this much later. */
    private static final Duration SETTLE = Duration.ofSeconds(1);

    private static Phase measure(int port, int politeClients, int stormClients, Duration length) throws InterruptedException {
        LongAdder hashed = new LongAdder();
        LongAdder refused = new LongAdder();
        long countFrom = System.nanoTime() + SETTLE.toNanos();
        long stopAt = countFrom + length.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < politeClients + stormClients; i++) {
            boolean politeClient = i < politeClients;
            Thread client = DaemonThreads.named(politeClient ? "polite" : "storm")
                    .newThread(() -> sendUntil(port, countFrom, stopAt, politeClient, hashed, refused));
            clients.add(client);
        }
        clients.forEach(Thread::start);
        Thread.sleep(SETTLE.toMillis());
        long cpuBefore = processCpuNanos();
        Thread.sleep(length.toMillis());
        long cpuAfter = processCpuNanos();
        double seconds = length.toNanos() / 1e9;
        Phase phase = new Phase(hashed.sum() / seconds, refused.sum() / seconds, (cpuAfter - cpuBefore) / 1e9 / seconds);
        for (Thread client : clients) {
            client.join(TimeUnit.SECONDS.toMillis(30)); // the last answers come in; they are not counted
        }
        return phase;
    }

    /** One client: a keep-alive connection, one request after another until {@code stopAt}. */
    private static void sendUntil(int port, long countFrom, long stopAt, boolean polite, LongAdder hashed, LongAdder refused) {
        if (unexpected.get() != null) {
            return;
        }
        byte[] buffer = new byte[8192];
        while (System.nanoTime() < stopAt) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(30));
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                while (System.nanoTime() < stopAt) {
                    out.write(REQUEST);
                    out.flush();
                    int status = readResponse(in, buffer);
                    long answered = System.nanoTime();
                    boolean counted = answered - countFrom >= 0 && answered - stopAt < 0;
                    if (status == 200) {
                        if (counted) {
                            hashed.increment();
                        }
                    } else if (status == 503) {
                        if (counted) {
                            refused.increment();
                        }
                        if (polite) {
                            Thread.sleep(TimeUnit.SECONDS.toMillis(1)); // as Retry-After: 1 asks
                        }
                    } else {
                        unexpected.compareAndSet(null, "/hash_async answered " + status
                                + (status == 501 ? ": solve exercise 8.1 first, or run solutions/08" : ""));
                        return;
                    }
                }
            } catch (IOException e) {
                // the server closed the connection (it may, at any time): open a new one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Reads one response (status line, headers, a Content-Length body) and returns its status. */
    private static int readResponse(InputStream in, byte[] buffer) throws IOException {
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = 0;
        for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        while (length > 0) {
            int read = in.read(buffer, 0, Math.min(buffer.length, length));
            if (read < 0) {
                throw new IOException("the connection closed inside a body");
            }
            length -= read;
        }
        return status;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed inside a header");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double systemLoad() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
