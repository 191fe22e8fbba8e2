package dev.asyncjavalin.slides;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pages the build wrote to slides/target/decks, read as files (no browser needed). */
class RenderedDecksTest {

    /** Any absolute http(s) URL; only the learner's own machine may appear in one. */
    private static final Pattern URL = Pattern.compile("(?i)https?://([^/\"'\\s<>:)]+)");
    private static final List<String> LOCAL_HOSTS = List.of("localhost", "127.0.0.1");

    @Test
    @DisplayName("every deck in slides/decks has a page, and the index links to each")
    void everyDeckHasAPage() throws IOException {
        String index = Files.readString(BuiltDecks.pages().resolve("index.html"));
        for (Path source : BuiltDecks.deckSources()) {
            String page = source.getFileName().toString().replace(".md", ".html");
            assertThat(BuiltDecks.pages().resolve(page)).isRegularFile();
            assertThat(index).contains("href=\"" + page + "\"");
        }
    }

    @Test
    @DisplayName("a page has one slide per --- separated part of its deck")
    void oneSlidePerPart() throws IOException {
        for (Path source : BuiltDecks.deckSources()) {
            long separators = Files.readAllLines(source).stream().filter(line -> line.strip().equals("---")).count();
            String page = Files.readString(BuiltDecks.pages().resolve(source.getFileName().toString().replace(".md", ".html")));

            assertThat(occurrences(page, "<section class=\"slide\"")).as(source.getFileName().toString()).isEqualTo(separators + 1);
        }
    }

    @Test
    @DisplayName("no page loads anything from another host: style, script and diagrams are inside it")
    void pagesAreSelfContained() throws IOException {
        List<Path> pages = new ArrayList<>(BuiltDecks.deckPages());
        pages.add(BuiltDecks.pages().resolve("index.html"));
        for (Path page : pages) {
            String html = Files.readString(page);
            Matcher url = URL.matcher(html);
            while (url.find()) {
                assertThat(url.group(1)).as("a URL in %s: %s", page.getFileName(), url.group()).isIn(LOCAL_HOSTS);
            }
            assertThat(html).as(page.getFileName().toString())
                    .doesNotContain("<link ")
                    .doesNotContain("<script src")
                    .doesNotContain("@import")
                    .containsOnlyOnce("<style>");
        }
    }

    @Test
    @DisplayName("every include and diagram in the course's decks is resolved")
    void nothingUnresolved() throws IOException {
        for (Path page : BuiltDecks.deckPages()) {
            assertThat(Files.readString(page)).as(page.getFileName().toString()).doesNotContain("unresolved-include\">");
        }
    }

    private static long occurrences(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }
}
