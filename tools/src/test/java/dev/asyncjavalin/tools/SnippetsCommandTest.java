package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The maintainers' command, {@code snippets check|sync}, through the course command that runs it. */
class SnippetsCommandTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Course(root, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ChapterBuild.maven(), 17).run(List.of(args));
    }

    @Test
    @DisplayName("a snippets command line that is not understood exits 2 with picocli's message and the snippets usage")
    void badUsage() {
        assertThat(run("snippets")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required parameter: 'check|sync'", Course.SNIPPETS_USAGE);
        assertThat(run("snippets", "tidy")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("expected one of [CHECK, SYNC]");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    @DisplayName("problems are printed and exit 1; a clean tree exits 0")
    void exitStatus() throws IOException {
        assertThat(run("snippets", "check")).isEqualTo(0);

        Files.writeString(root.resolve("README.md"), "<!-- include: Missing.java -->\n<!-- end include -->\n");
        assertThat(run("snippets", "sync")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("README.md:1: included file Missing.java does not exist");
    }

    @Test
    @DisplayName("started inside a module, the root is the directory above it")
    void defaultRoot() throws IOException {
        Files.createDirectories(root.resolve("lab"));
        Files.createDirectories(root.resolve("tools"));

        assertThat(Course.defaultRoot(root)).isEqualTo(root);
        assertThat(Course.defaultRoot(root.resolve("tools"))).isEqualTo(root);
    }
}
