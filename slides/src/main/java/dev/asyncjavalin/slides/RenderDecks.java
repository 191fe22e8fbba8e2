package dev.asyncjavalin.slides;

import dev.asyncjavalin.lab.CommandLine;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes every deck as one self-contained HTML file (style, script and diagrams inside it, nothing
 * fetched from anywhere), plus an {@code index.html} that lists them. The build runs it before the
 * tests:
 * <pre>
 * RenderDecks --decks slides/decks --out slides/target/decks
 * </pre>
 */
public final class RenderDecks {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(
            null, ContentType.Html, RenderDecks.class.getClassLoader(), "dev.asyncjavalin.slides.templates");
    private static final String STYLE = resource("slides.css");
    private static final String SCRIPT = resource("slides.js");

    private RenderDecks() {
    }

    public static void main(String[] args) throws IOException {
        CommandLine options = CommandLine.parse(args);
        Path decks = Path.of(options.option("decks", "decks"));
        Path out = Path.of(options.option("out", "target/decks"));
        List<Deck> rendered = render(decks, out);
        int slides = rendered.stream().mapToInt(deck -> deck.slides().size()).sum();
        System.out.printf("slides: %d decks, %d slides written to %s%n", rendered.size(), slides, out.resolve("index.html"));
    }

    /** Renders every deck in {@code decksDirectory} into {@code outDirectory}, replacing what was there. */
    static List<Deck> render(Path decksDirectory, Path outDirectory) throws IOException {
        List<Deck> decks = DeckReader.readAll(decksDirectory);
        Files.createDirectories(outDirectory);
        try (Stream<Path> old = Files.list(outDirectory)) {
            for (Path page : old.filter(f -> f.toString().endsWith(".html")).toList()) {
                Files.delete(page); // a deck that was renamed or removed must not linger
            }
        }
        for (Deck deck : decks) {
            write(outDirectory.resolve(deck.fileName()), "deck.jte", Map.of("deck", deck, "style", STYLE, "script", SCRIPT));
            long unresolved = deck.slides().stream().filter(slide -> slide.html().contains("unresolved-include")).count();
            if (unresolved > 0) {
                System.out.printf("WARNING: %s has %d slide(s) with an unresolved include or image%n", deck.fileName(), unresolved);
            }
        }
        write(outDirectory.resolve("index.html"), "index.jte", Map.of("decks", decks, "style", STYLE));
        return decks;
    }

    private static void write(Path page, String template, Map<String, Object> model) throws IOException {
        StringOutput html = new StringOutput();
        TEMPLATES.render(template, model, html);
        Files.writeString(page, html.toString());
    }

    private static String resource(String name) {
        try (InputStream in = RenderDecks.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/asyncjavalin/slides/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
