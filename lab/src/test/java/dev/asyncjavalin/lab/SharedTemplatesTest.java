package dev.asyncjavalin.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedTemplatesTest {

    @TempDir
    Path root;

    @Test
    @DisplayName("the shared page frame carries the chapter's name, in the title and above the content")
    void fillsInTheChaptersName() throws IOException {
        Path out = root.resolve("target/jte");
        SharedTemplates.merge(root.resolve("src/main/jte"), out, "Chapter 03 · Concurrency inside a blocking handler");

        assertThat(out.resolve("layout.jte")).content()
                .contains("<title>${title} · Chapter 03</title>")
                .contains("<p class=\"muted\">Chapter 03 · Concurrency inside a blocking handler</p>")
                .doesNotContain("{{");
        assertThat(out).isDirectoryContaining("glob:**/not-found.jte").isDirectoryContaining("glob:**/results.jte");
    }

    @Test
    @DisplayName("a chapter's own template replaces the shared one; its other templates are copied as they are")
    void chapterTemplatesWin() throws IOException {
        Path chapter = root.resolve("src/main/jte");
        Files.createDirectories(chapter.resolve("parts"));
        Files.writeString(chapter.resolve("not-found.jte"), "@param String path\nmine\n");
        Files.writeString(chapter.resolve("parts/row.jte"), "a row\n");
        Path out = root.resolve("target/jte");

        SharedTemplates.merge(chapter, out, "Chapter 08 · When async does not help");

        assertThat(out.resolve("not-found.jte")).hasContent("@param String path\nmine\n");
        assertThat(out.resolve("parts/row.jte")).hasContent("a row\n");
    }

    @Test
    @DisplayName("a template deleted from the chapter does not live on from an earlier build")
    void startsFromAnEmptyFolder() throws IOException {
        Path out = root.resolve("target/jte");
        Files.createDirectories(out);
        Files.writeString(out.resolve("gone.jte"), "deleted since the last build\n");

        SharedTemplates.merge(root.resolve("src/main/jte"), out, "Chapter 01 · Sync routes");

        assertThat(out.resolve("gone.jte")).doesNotExist();
    }

    @Test
    @DisplayName("a name without ' · ' is refused, saying what a chapter's name looks like")
    void refusesAnotherName() {
        assertThatThrownBy(() -> SharedTemplates.merge(root.resolve("src/main/jte"), root.resolve("out"), "chapter-01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Chapter NN · title");
    }
}
