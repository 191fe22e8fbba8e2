package dev.asyncjavalin.ch09;

import dev.asyncjavalin.lab.CommandLine;
import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.UpstreamUrls;
import dev.asyncjavalin.lab.bench.BenchmarkMain;
import dev.asyncjavalin.lab.bench.CpuTime;
import dev.asyncjavalin.lab.bench.Format;
import dev.asyncjavalin.lab.bench.LoadGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load run's throughput, cross-checked by a standard tool: the chapter's own load generator,
 * then {@code wrk}, against the same route of the same running app, one after the other, with the
 * same clients (wrk's connections) and the same upstream latency. Prints both throughputs, their
 * ratio and the CPU each run took. Skips, saying so, when wrk is not installed.
 *
 * <pre>mvn -pl chapters/09 exec:java@crosscheck [-Dexec.args="--model async --clients 200 --latency-ms 100 --seconds 10"]</pre>
 */
public final class LoadCrossCheck {

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NOT_OK = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final PrintStream out = System.out;

    private LoadCrossCheck() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkMain.run(args, line -> {
            Model model = modelNamed(line.option("model", "async"));
            int clients = line.intOption("clients", 200, 1, App.MAX_UPSTREAM_CALLS);
            Duration latency = Duration.ofMillis(line.intOption("latency-ms", 100, 10, 5000));
            Duration window = Duration.ofSeconds(line.intOption("seconds", 10, 1, 120));
            new LoadCrossCheck().run(model, clients, latency, window);
        });
    }

    private void run(Model model, int clients, Duration latency, Duration window) throws InterruptedException {
        Optional<String> wrk = wrkVersion();
        if (wrk.isEmpty()) {
            out.println("wrk is not installed, so there is nothing to cross-check with: skipped.");
            out.println("Install it (Debian and Ubuntu: apt-get install wrk; macOS: brew install wrk) and run this again.");
            return;
        }
        if (!model.runsHere()) {
            throw new CommandLine.UsageException("the " + model.label() + " model does not run here: " + VirtualThreads.whyUnavailable());
        }
        double ideal = clients / (latency.toNanos() / 1e9);
        out.printf("%nCross-check · %s (%s) on one running app, loaded by two generators one after the other%n", model.label(), model.route());
        out.printf("  %d clients, each sending requests one after another on its own connection; one page of %d ms per request;"
                + " ideal %s; JDK %s, %d cores%n", clients, latency.toMillis(), Format.perSecond(ideal), Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        try (SlowUpstream upstream = SlowUpstream.builder().pages(1).fixedLatency(latency).start();
                LoadGenerator generator = new LoadGenerator(clients)) {
            Harness harness = new Harness(out, generator);
            UpstreamUrls onePage = UpstreamUrls.of(List.of(upstream.url("/recipes/1")));
            RequestThreads threads = model.requestThreads(200);
            Comparison comparison = harness.onAppWithPool(onePage, threads, (base, threadsForRequests) -> {
                String url = base + model.route();
                Results.LoadRow ours = harness.loadRow("LoadGenerator", model.route(), threads.describe(), url, clients, latency, window,
                        Harness.everyRowOk(1), Double.NaN);
                generator.closeConnections(); // wrk opens its own
                return new Comparison(ours, runWrk(url, clients, window));
            });
            print(comparison, ideal, wrk.get());
        }
    }

    /** What wrk measured, and what the JVM and wrk itself spent on it. */
    private record WrkRun(double throughput, long errors, double jvmCpuPercent, double wrkCpuPercent, String command) {
    }

    private record Comparison(Results.LoadRow ours, WrkRun wrk) {
    }

    // tag::runWrk[]
    private WrkRun runWrk(String url, int clients, Duration window) {
        int cores = Runtime.getRuntime().availableProcessors();
        // one wrk thread per core, each an event loop over its share of the connections; the same window as ours
        List<String> command = List.of("wrk", "-t" + Math.min(cores, clients), "-c" + clients, "-d" + window.toSeconds() + "s", url);
        out.printf("  %-46s ", "load · wrk");
        try {
            long cpuBefore = CpuTime.process();
            long started = System.nanoTime();
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            Duration wrkCpu = Duration.ZERO;
            while (!wrk.waitFor(200, TimeUnit.MILLISECONDS)) {
                wrkCpu = wrk.info().totalCpuDuration().orElse(wrkCpu); // read while it runs: an ended process has no info
                out.print('.');
            }
            String output = read(wrk.getInputStream());
            double wall = (System.nanoTime() - started) / 1e9;
            double jvmCpu = 100 * (CpuTime.process() - cpuBefore) / 1e9 / wall / cores;
            Matcher perSecond = REQUESTS_PER_SECOND.matcher(output);
            if (wrk.exitValue() != 0 || !perSecond.find()) {
                throw new IllegalStateException("wrk failed (exit " + wrk.exitValue() + "):\n" + output);
            }
            out.println(" " + output.lines().filter(line -> line.contains("requests in")).findFirst().orElse("").strip());
            return new WrkRun(Double.parseDouble(perSecond.group(1)), errors(output), jvmCpu, 100 * wrkCpu.toNanos() / 1e9 / wall / cores,
                    String.join(" ", command));
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while wrk ran", e);
        }
    }
    // end::runWrk[]

    private void print(Comparison run, double ideal, String wrkVersion) {
        Results.LoadRow ours = run.ours();
        WrkRun wrk = run.wrk();
        out.printf("%n  %-24s %11s %9s %16s %10s %7s%n", "generator", "throughput", "of ideal", "CPU, this JVM", "CPU, wrk", "errors");
        out.printf("  %-24s %11s %9s %16s %10s %7d%n", "chapter 09's generator", Format.perSecond(ours.throughput()),
                Format.percent(ours.throughput() / ideal), Format.percent(ours.cpuPercent() / 100), "-", ours.errors());
        out.printf("  %-24s %11s %9s %16s %10s %7d%n", "wrk " + wrkVersion, Format.perSecond(wrk.throughput()),
                Format.percent(wrk.throughput() / ideal), Format.percent(wrk.jvmCpuPercent() / 100), Format.percent(wrk.wrkCpuPercent() / 100),
                wrk.errors());
        if (ours.errors() > 0) {
            out.println("  the generator's first error: " + ours.firstError());
        }
        double ratio = wrk.throughput() / ours.throughput();
        out.printf("  wrk / chapter 09's generator: %s%n", Format.times(ratio));
        // CPU per answer, in ms of one core: what the answers cost, whoever sent the requests
        int cores = Runtime.getRuntime().availableProcessors();
        double oursPerAnswer = ours.cpuPercent() / 100 * cores * 1000 / ours.throughput();
        double serverPerAnswer = wrk.jvmCpuPercent() / 100 * cores * 1000 / wrk.throughput();
        double wrkPerAnswer = wrk.wrkCpuPercent() / 100 * cores * 1000 / wrk.throughput();
        out.printf(Locale.ROOT, "  CPU per answer: %.2f ms with chapter 09's generator (server and clients in this JVM);"
                + " %.2f ms of the server's and %.2f ms of wrk's with wrk%n", oursPerAnswer, serverPerAnswer, wrkPerAnswer);
        out.println("  CPU: as a share of all cores; this JVM runs the upstream and the app, and in the first run the clients too");
        out.println("  (" + wrk.command() + ")");
        if (Math.abs(ratio - 1) > 0.10) {
            out.println("  More than 10% apart: the README of chapter 09, \"Cross-checked by wrk\", says why.");
        } else {
            out.println("  Within 10%: the two generators agree on what this server sustains.");
        }
    }

    /** "debian/4.1.0-3+b2" from wrk's first line, or empty when there is no wrk to run. */
    private static Optional<String> wrkVersion() {
        try {
            Process wrk = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            String first = read(wrk.getInputStream()).lines().findFirst().orElse("wrk");
            wrk.waitFor(5, TimeUnit.SECONDS);
            String[] words = first.split(" ");
            return Optional.of(words.length > 1 ? words[1] : "");
        } catch (IOException e) {
            return Optional.empty(); // not on the PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static long errors(String output) {
        long errors = 0;
        Matcher notOk = NOT_OK.matcher(output);
        if (notOk.find()) {
            errors += Long.parseLong(notOk.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(socket.group(group));
            }
        }
        return errors;
    }

    private static String read(InputStream stream) throws IOException {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Model modelNamed(String name) {
        try {
            return Model.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException("--model is one of sync, concurrent, async, virtual_threads, event_loop; got '" + name + "'");
        }
    }
}
