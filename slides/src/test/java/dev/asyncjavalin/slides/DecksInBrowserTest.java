package dev.asyncjavalin.slides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every deck, as a person sees it: headless Chromium opens each page from disk, steps through every
 * slide with the keyboard and takes a screenshot of each (slides/target/screenshots/NN-SS.png).
 * Skipped, with the reason, when Chromium is not installed (Debian: apt-get install chromium chromium-driver).
 */
@DisplayName("decks in a real browser")
class DecksInBrowserTest {

    private static final Path SCREENSHOTS = BuiltDecks.MODULE.resolve("target/screenshots");
    /** The deliberately broken test decks' screenshots, apart from the course's own. */
    /** {@code -Dslides.screenshots}: a picture of every slide, for a look at the decks; otherwise only of slides with a problem. */
    private static final boolean EVERY_SLIDE = Boolean.getBoolean("slides.screenshots");
    private static final Path TEST_SCREENSHOTS = BuiltDecks.MODULE.resolve("target/screenshots/test-decks");
    private static final Path TEST_DECKS = BuiltDecks.MODULE.resolve("src/test/decks");

    @TempDir
    static Path scratch;

    private static BrowserCheck browser;
    private static String whyNoBrowser;

    @BeforeAll
    static void startBrowser() throws IOException {
        whyNoBrowser = BrowserCheck.whyUnavailable().orElse(null);
        if (whyNoBrowser != null && "1".equals(System.getenv("COURSE_BROWSER_REQUIRED"))) {
            // CI sets this: there a skipped browser check would let an overflowing slide through
            throw new IllegalStateException("COURSE_BROWSER_REQUIRED=1 but " + whyNoBrowser);
        }
        if (whyNoBrowser != null) {
            System.out.println("SKIPPED the browser checks of the slides: " + whyNoBrowser);
            return;
        }
        deleteOldScreenshots(); // of a deck that was renamed or removed since
        browser = BrowserCheck.start(scratch.resolve("chromium-profile"));
    }

    /** Each test is skipped, and counted as skipped, with the reason, when there is no browser. */
    @BeforeEach
    void needsBrowser() {
        assumeTrue(browser != null, whyNoBrowser);
    }

    private static void deleteOldScreenshots() throws IOException {
        if (Files.isDirectory(SCREENSHOTS)) {
            try (Stream<Path> old = Files.list(SCREENSHOTS)) {
                for (Path shot : old.filter(f -> f.toString().endsWith(".png")).toList()) {
                    Files.delete(shot);
                }
            }
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @TestFactory
    @DisplayName("every slide of every deck fits its frame, resolves its includes and runs without errors")
    List<DynamicTest> everyDeck() throws IOException {
        List<DynamicTest> decks = new ArrayList<>();
        for (Path page : BuiltDecks.deckPages()) {
            decks.add(DynamicTest.dynamicTest(page.getFileName().toString(), () -> {
                BrowserCheck.Report report = browser.check(page, SCREENSHOTS, EVERY_SLIDE);

                assertThat(report.problems()).as("problems in %s", report.page()).isEmpty();
                assertThat(report.slides()).isPositive();
                assertThat(report.screenshots()).hasSize(EVERY_SLIDE ? report.slides() : 0).allMatch(Files::isRegularFile);
                System.out.printf("%s: %d slides, %d screenshots in %s%n", report.page(), report.slides(), report.screenshots().size(), SCREENSHOTS);
            }));
        }
        return decks;
    }

    @Test
    @DisplayName("a slide with more content than fits is reported, and only that slide")
    void overflowIsReported() throws IOException {
        Path pages = scratch.resolve("overflow-pages");
        RenderDecks.render(TEST_DECKS, pages);

        BrowserCheck.Report report = browser.check(pages.resolve("overflow.html"), TEST_SCREENSHOTS, false);

        assertThat(report.problems()).singleElement().asString()
                .startsWith("overflow.html slide 2: content overflows the 16:9 frame");
        assertThat(report.screenshots()).as("a picture of the slide with the problem, and of no other")
                .singleElement().satisfies(shot -> assertThat(shot.getFileName()).hasToString("overflow-02.png"))
                .matches(Files::isRegularFile);
    }

    @Test
    @DisplayName("an include whose tag does not exist is reported")
    void unresolvedIncludeIsReported() throws IOException {
        Path decks = Files.createDirectories(scratch.resolve("unresolved-decks"));
        Files.writeString(decks.resolve("Source.java"), "class Source {\n    // tag::here[]\n    int here;\n    // end::here[]\n}\n");
        Files.writeString(decks.resolve("unresolved.md"), """
                # A deck whose include names a tag that is not there

                <!-- include: Source.java#gone -->
                ```java
                int gone;
                ```
                <!-- end include -->
                """);
        Path pages = scratch.resolve("unresolved-pages");
        RenderDecks.render(decks, pages);

        BrowserCheck.Report report = browser.check(pages.resolve("unresolved.html"), TEST_SCREENSHOTS, false);

        assertThat(report.problems()).singleElement().asString()
                .startsWith("unresolved.html slide 1: Unresolved: Source.java#gone: no line with tag::gone[] in Source.java");
    }

    @Test
    @DisplayName("a JavaScript error in a page is reported")
    void javaScriptErrorIsReported() throws IOException {
        Path pages = scratch.resolve("script-error-pages");
        RenderDecks.render(TEST_DECKS, pages);

        BrowserCheck.Report report = browser.check(pages.resolve("script-error.html"), TEST_SCREENSHOTS, false);

        assertThat(report.problems()).singleElement().asString()
                .startsWith("script-error.html: JavaScript error:")
                .contains("deliberate error from script-error.md");
    }

    @Test
    @DisplayName("with the network off, a deck that loads anything from outside its file is reported")
    void remoteAssetIsReported() throws IOException {
        Path pages = scratch.resolve("remote-asset-pages");
        RenderDecks.render(TEST_DECKS, pages);

        BrowserCheck.Report report = browser.check(pages.resolve("remote-asset.html"), TEST_SCREENSHOTS, false);

        assertThat(report.problems()).singleElement().asString()
                .startsWith("remote-asset.html: JavaScript error:")
                .contains("could not load <img> https://cdn.jsdelivr.net/");
    }

    @Test
    @DisplayName("printing a deck gives one page per slide")
    void printsOneSlidePerPage() throws IOException {
        Path page = BuiltDecks.deckPages().get(0);
        long slides = Files.readString(page).split("<section class=\"slide\"", -1).length - 1;

        assertThat(slides).isPositive();
        assertThat(browser.printedPages(page)).isEqualTo(slides);
    }
}
