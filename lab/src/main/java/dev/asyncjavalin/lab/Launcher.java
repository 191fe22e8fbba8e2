package dev.asyncjavalin.lab;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Starts a chapter app the same way in every chapter: picks the port, starts the embedded
 * {@link SlowUpstream} (unless {@code UPSTREAM_URLS} names real pages), prints what to open,
 * and stops everything cleanly on Ctrl+C.
 */
public final class Launcher {

    public static final int DEFAULT_PORT = 7070;

    private final String title;
    private final Map<String, String> tryThese = new LinkedHashMap<>();

    private Launcher(String title) {
        this.title = title;
    }

    /** {@code title} is printed first, e.g. "Chapter 03 · Concurrency inside a blocking handler". */
    public static Launcher chapter(String title) {
        return new Launcher(title);
    }

    /** A path worth opening, with one line on what it shows; printed in the banner. */
    public Launcher tryPath(String path, String whatItShows) {
        tryThese.put(path, whatItShows);
        return this;
    }

    /** Every entry of {@code routes}: path to one line on what it shows. */
    public Launcher tryPaths(Map<String, String> routes) {
        tryThese.putAll(routes);
        return this;
    }

    /** Parses {@code args}, starts the app made by {@code createApp}, and returns at once. */
    public void run(String[] args, Function<UpstreamUrls, Javalin> createApp) {
        try {
            start(args, createApp);
        } catch (CommandLine.UsageException e) {
            System.err.println("Cannot start: " + e.getMessage());
            System.exit(2);
        }
    }

    private void start(String[] args, Function<UpstreamUrls, Javalin> createApp) {
        int port = CommandLine.parse(args).intOption("port", portFromEnvironment(), 0, 65535);
        warnIfStale(createApp.getClass());

        Optional<SlowUpstream> embedded = realUrlsFromEnvironment().isEmpty() ? Optional.of(SlowUpstream.start()) : Optional.empty();
        UpstreamUrls urls = embedded.map(SlowUpstream::urls).orElseGet(() -> UpstreamUrls.of(realUrlsFromEnvironment()));

        Javalin app = createApp.apply(urls);
        try {
            app.start("localhost", port);
        } catch (JavalinBindException e) {
            embedded.ifPresent(SlowUpstream::close);
            System.err.printf("Port %d is already in use (another chapter still running?).%n"
                    + "Stop it, or pick another port: mvn -pl <module> exec:java -Dexec.args=\"--port %d\"  or  PORT=%d%n",
                    port, port + 1, port + 1);
            System.exit(1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.stop(); // lets in-flight requests finish (Lab.STOP_TIMEOUT)
            } catch (RuntimeException e) {
                // requests still running at Lab.STOP_TIMEOUT make Jetty's stop fail: say so, and still close the rest
                System.err.println("The app did not stop within " + Lab.STOP_TIMEOUT.toSeconds() + " s: " + e.getMessage());
            } finally {
                embedded.ifPresent(SlowUpstream::close);
            }
        }, "chapter-shutdown"));
        printBanner(app.port(), urls);
    }

    private void printBanner(int port, UpstreamUrls urls) {
        String base = "http://localhost:" + port;
        StringBuilder banner = new StringBuilder("\n").append(title).append("\n\n");
        banner.append("  app        ").append(base).append("/\n");
        banner.append("  upstream   ").append(urls.description()).append("\n\n");
        banner.append("Try:\n");
        tryThese.forEach((path, what) -> banner.append(String.format("  %-48s %s%n", base + path, what)));
        banner.append("\nStop with Ctrl+C.\n");
        System.out.println(banner);
    }

    private static int portFromEnvironment() {
        String fromEnv = System.getenv("PORT");
        return fromEnv == null || fromEnv.isBlank() ? DEFAULT_PORT : CommandLine.wholeNumber("PORT", fromEnv, 0, 65535);
    }

    private static List<String> realUrlsFromEnvironment() {
        String fromEnv = System.getenv("UPSTREAM_URLS");
        if (fromEnv == null || fromEnv.isBlank()) {
            return List.of();
        }
        List<String> urls = Arrays.stream(fromEnv.split(",")).map(String::trim).filter(url -> !url.isEmpty()).toList();
        for (String url : urls) {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new CommandLine.UsageException("UPSTREAM_URLS must list http(s) URLs separated by commas, got '" + url + "'");
            }
        }
        return urls;
    }

    /**
     * {@code exec:java} runs the last compiled classes and never compiles: when the sources are
     * newer, the learner would be testing yesterday's code without knowing it.
     */
    static void warnIfStale(Class<?> appClass) {
        try {
            Path classes = Path.of(appClass.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path module = classes.getParent() == null ? null : classes.getParent().getParent();
            if (module == null || !Files.isDirectory(classes) || !Files.isDirectory(module.resolve("src/main"))) {
                return; // running from a jar: nothing to compare
            }
            FileTime sources = newest(module.resolve("src/main"));
            FileTime compiled = newest(classes);
            if (sources.compareTo(compiled) > 0) {
                String name = module.getParent().getFileName() + "/" + module.getFileName();
                System.out.printf("%nWARNING: %s/src/main changed after its last build, so this run uses old code.%n"
                        + "         Rebuild first:  mvn -q -pl %s compile   (then run exec:java again)%n%n", name, name);
            }
        } catch (IOException | URISyntaxException | UncheckedIOException | SecurityException e) {
            // the warning is a convenience; never stop a start because of it
        }
    }

    private static FileTime newest(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(Launcher::modified).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
