package dev.asyncjavalin.slides;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the build put the rendered decks, and which decks it should have rendered. */
final class BuiltDecks {

    /** Surefire runs the tests in the module's directory, slides/. */
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path SOURCES = MODULE.resolve("decks");
    static final Path PAGES = MODULE.resolve("target/decks");

    private BuiltDecks() {
    }

    /**
     * The build's pages (the render-decks step runs before the tests). Run from an IDE, without
     * that step, they are rendered here first, so the tests never check yesterday's output.
     */
    static Path pages() throws IOException {
        if (!Files.isRegularFile(PAGES.resolve("index.html"))) {
            RenderDecks.render(SOURCES, PAGES);
        }
        return PAGES;
    }

    /** Every deck page, 01.html, 02.html, ..., without the index. */
    static List<Path> deckPages() throws IOException {
        try (Stream<Path> files = Files.list(pages())) {
            return files.filter(f -> f.toString().endsWith(".html") && !f.endsWith("index.html")).sorted().toList();
        }
    }

    /** Every deck source, 01.md, 02.md, ... */
    static List<Path> deckSources() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
    }
}
