package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnippetsHintsTest {

    @TempDir
    Path root;

    private static final String README = """
            # Demo

            ### Exercise 1.1 · greets

            Make it say hello.

            <!-- hints: 1.1 -->
            old text
            <!-- end hints -->

            ## Recap
            """;

    @BeforeEach
    void course() throws IOException, InterruptedException {
        FixtureCourse.create(root);
        FixtureCourse.write(root, "chapters/01/README.md", README);
        FixtureCourse.write(root, "chapters/02/README.md", "### Exercise 2.1 · waits for JDK 99\n<!-- hints: 2.1 -->\n<!-- end hints -->\n");
    }

    @Test
    @DisplayName("a stale block is reported; sync rewrites it from the catalog and nothing else")
    void staleThenSynced() throws IOException {
        assertThat(Snippets.check(root)).containsExactly(
                "chapters/01/README.md:7: the hints of exercise 1.1 differ from chapters/exercises.yaml (run `snippets sync`)",
                "chapters/02/README.md:2: the hints of exercise 2.1 differ from chapters/exercises.yaml (run `snippets sync`)");
        assertThat(Snippets.sync(root)).hasSize(2);
        assertThat(Snippets.check(root)).isEmpty();
        assertThat(root.resolve("chapters/01/README.md")).hasContent(README.replace("old text", """
                <details><summary>Hint 1</summary>

                A gentle one.
                </details>

                <details><summary>Hint 2</summary>

                An explicit one: `return "hello";`
                </details>""".stripTrailing()));
    }

    @Test
    @DisplayName("a missing heading or block is reported, and sync leaves it to a person")
    void missingBlock() throws IOException {
        FixtureCourse.write(root, "chapters/01/README.md", "# Demo\n\n### Exercise 1.1 · says hi\n");
        Snippets.sync(root);
        assertThat(root.resolve("chapters/01/README.md")).as("left to a person").hasContent("# Demo\n\n### Exercise 1.1 · says hi\n");
        assertThat(Snippets.check(root)).contains(
                "chapters/01/README.md: no heading \"### Exercise 1.1 · greets\" (the title in chapters/exercises.yaml)",
                "chapters/01/README.md: no \"<!-- hints: 1.1 -->\" ... \"<!-- end hints -->\" block for the hints of exercise 1.1");
    }

    @Test
    @DisplayName("a block without its end marker, or for an exercise the catalog lacks, is reported, and sync leaves it alone")
    void unresolvableBlocks() throws IOException {
        String text = README.replace("<!-- end hints -->\n", "") + "<!-- hints: 9.9 -->\n<!-- end hints -->\n";
        FixtureCourse.write(root, "chapters/01/README.md", text);
        assertThat(Snippets.check(root)).contains(
                "chapters/01/README.md:7: hints block of 1.1 has no <!-- end hints --> before the next marker or the end of the file",
                "chapters/01/README.md:11: there is no exercise 9.9 in chapters/exercises.yaml");
        Snippets.sync(root);
        assertThat(Files.readString(root.resolve("chapters/01/README.md"))).isEqualTo(text);
    }
}
