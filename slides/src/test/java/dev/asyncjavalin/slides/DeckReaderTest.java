package dev.asyncjavalin.slides;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeckReaderTest {

    @TempDir
    Path decks;

    @BeforeEach
    void source() throws IOException {
        Files.writeString(decks.resolve("Calls.java"), """
                class Calls {
                    // tag::start[]
                    int start() {
                        return 1;
                    }
                    // end::start[]
                }
                """);
    }

    @Test
    @DisplayName("a line of --- starts a new slide, except inside a code block; the title is the first heading")
    void slidesAreSplitOnRules() throws IOException {
        Deck deck = read("""
                # Chapter 99 · Title

                ---

                ## Two

                ```text
                ---
                ```

                ---

                ## Three
                """);

        assertThat(deck.title()).isEqualTo("Chapter 99 · Title");
        assertThat(deck.slides()).extracting(Deck.Slide::number).containsExactly(1, 2, 3);
        assertThat(deck.slides().get(1).html()).contains("<h2>Two</h2>", "<pre class=\"code\"><code class=\"language-text\">---</code></pre>");
    }

    @Test
    @DisplayName("an up-to-date include shows its code, coloured, with the file's name and no markers")
    void includeIsShown() throws IOException {
        Deck deck = read("""
                # Include

                <!-- include: Calls.java#start -->
                ```java
                int start() {
                    return 1;
                }
                ```
                <!-- end include -->
                """);

        assertThat(deck.slides().get(0).html())
                .contains("<figcaption>Calls.java</figcaption>", "<span class=\"k\">return</span> <span class=\"n\">1</span>;")
                .doesNotContain("include:", "end include", "unresolved");
    }

    @Test
    @DisplayName("a stale include is shown as unresolved, and its old code is not shown")
    void staleIncludeIsUnresolved() throws IOException {
        Deck deck = read("""
                # Include

                <!-- include: Calls.java#start -->
                ```java
                int begin() {
                ```
                <!-- end include -->

                After the include.
                """);

        assertThat(deck.slides().get(0).html())
                .contains("<div class=\"unresolved-include\">Unresolved: Calls.java#start: stale copy", "<p>After the include.</p>")
                .doesNotContain("<pre");
    }

    @Test
    @DisplayName("an SVG diagram is put into the page itself; a missing one is unresolved")
    void diagramsAreInlined() throws IOException {
        Files.writeString(decks.resolve("box.svg"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>
                """);
        Deck deck = read("""
                # Diagrams

                ![a box](box.svg)

                ![nothing](missing.svg)
                """);

        assertThat(deck.slides().get(0).html())
                .contains("<span class=\"diagram\" role=\"img\" aria-label=\"a box\"><svg width=\"10\" height=\"10\"><rect")
                .contains("<div class=\"unresolved-include\">Unresolved: image missing.svg (NoSuchFileException)</div>")
                .doesNotContain("http", "<?xml");
    }

    @Test
    @DisplayName("Markdown tables become HTML tables")
    void tables() throws IOException {
        Deck deck = read("""
                | Flask | Javalin |
                |---|---|
                | `@app.route` | `config.routes.get` |
                """);

        assertThat(deck.slides().get(0).html()).contains("<table>", "<th>Flask</th>", "<td><code>config.routes.get</code></td>");
    }

    private Deck read(String markdown) throws IOException {
        Files.writeString(decks.resolve("99.md"), markdown);
        List<Deck> all = DeckReader.readAll(decks);
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
