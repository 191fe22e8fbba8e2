package dev.asyncjavalin.slides;

import dev.asyncjavalin.lab.CommandLine;
import dev.asyncjavalin.lab.Launcher;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * Serves the decks on localhost, for presenting from a browser:
 * <pre>
 * mvn -pl slides exec:java                          http://localhost:7070/
 * mvn -pl slides exec:java -Dexec.args="--port 7079"
 * </pre>
 * It renders the decks from {@code slides/decks} first, so a restart shows the latest edits. The
 * pages need no server at all (open {@code slides/target/decks/index.html}); this is for a
 * projector on another machine, or a browser that restricts {@code file://} pages.
 */
public final class SlideServer {

    private SlideServer() {
    }

    public static void main(String[] args) throws IOException {
        int port;
        try {
            port = CommandLine.parse(args).intOption("port", Launcher.DEFAULT_PORT, 0, 65535);
        } catch (CommandLine.UsageException e) {
            System.err.println("Cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path module = moduleDirectory();
        Path pages = module.resolve("target/decks");
        List<Deck> decks = RenderDecks.render(module.resolve("decks"), pages);

        Javalin app = create(pages).start("localhost", port);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "slides-shutdown"));
        StringBuilder banner = new StringBuilder("\nSlides\n\n");
        banner.append(String.format("  %-36s every deck%n", "http://localhost:" + app.port() + "/"));
        for (Deck deck : decks) {
            banner.append(String.format("  %-36s %s%n", "http://localhost:" + app.port() + "/" + deck.fileName(), deck.title()));
        }
        banner.append("\nStop with Ctrl+C.\n");
        System.out.println(banner);
    }

    /** Serves the rendered pages in {@code pages} as they are; {@code /} is the index. */
    static Javalin create(Path pages) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.staticFiles.add(pages.toAbsolutePath().toString(), Location.EXTERNAL);
        });
    }

    /** slides/, found from where this class was loaded (slides/target/classes), whatever the working directory. */
    private static Path moduleDirectory() {
        try {
            Path classes = Path.of(SlideServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot find the slides module from " + SlideServer.class, e);
        }
    }
}
