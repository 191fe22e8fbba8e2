package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnippetsTest {

    @TempDir
    Path root;

    private static final String FETCHER = """
            package demo;

            class Fetcher {
                // tag::fetchAll[]
                List<Row> fetchAll(List<String> urls) {
                    // tag::inner[]
                    return urls.stream().map(this::fetch).toList();
                    // end::inner[]
                }
                // end::fetchAll[]
            }
            """;

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private String read(String path) throws IOException {
        return Files.readString(root.resolve(path));
    }

    private static String readme(String include, String... code) {
        return "# Chapter\n\nIntro text.\n\n"
                + "<!-- include: " + include + " -->\n"
                + "```java\n" + String.join("\n", code) + (code.length > 0 ? "\n" : "") + "```\n"
                + "<!-- end include -->\n\nMore text.\n";
    }

    @Test
    @DisplayName("a tagged region is shown without its markers and without its common indentation")
    void tagExtractionAndDedent() throws IOException {
        write("chapters/03/src/main/java/demo/Fetcher.java", FETCHER);
        write("chapters/03/README.md", readme("src/main/java/demo/Fetcher.java#fetchAll"));

        assertThat(Snippets.sync(root)).containsExactly("chapters/03/README.md:5: updated src/main/java/demo/Fetcher.java#fetchAll");

        assertThat(read("chapters/03/README.md")).isEqualTo(readme("src/main/java/demo/Fetcher.java#fetchAll",
                "List<Row> fetchAll(List<String> urls) {",
                "    return urls.stream().map(this::fetch).toList();",
                "}"));
        assertThat(Snippets.check(root)).isEmpty();
    }

    @Test
    @DisplayName("dedent removes only the indentation every non-blank line shares")
    void dedent() {
        assertThat(Snippets.dedent(List.of("    a", "      b", "  ", "    c")))
                .containsExactly("a", "  b", "", "c");
    }

    @Test
    @DisplayName("a copy that no longer matches its source is reported with the first differing line")
    void staleCopyIsReported() throws IOException {
        write("chapters/03/src/main/java/demo/Fetcher.java", FETCHER);
        write("chapters/03/README.md", readme("src/main/java/demo/Fetcher.java#inner", "return urls.parallelStream().toList();"));

        assertThat(Snippets.check(root)).singleElement().asString()
                .startsWith("chapters/03/README.md:5: stale copy of src/main/java/demo/Fetcher.java#inner")
                .contains("line 7 is \"return urls.parallelStream().toList();\"")
                .contains("\"return urls.stream().map(this::fetch).toList();\"");

        write("chapters/03/README.md", readme("src/main/java/demo/Fetcher.java#fetchAll", "List<Row> fetchAll(List<String> urls) {"));
        assertThat(Snippets.check(root)).singleElement().asString()
                .endsWith("line 8 is past the end of the copy but the source has \"    return urls.stream().map(this::fetch).toList();\""
                        + " (run `snippets sync`)");
    }

    @Test
    @DisplayName("sync rewrites only the stale block and keeps its fence language")
    void syncKeepsEverythingElse() throws IOException {
        write("lab/src/main/jte/page.jte", "<%-- tag::row[] --%>\n<tr>${row}</tr>\n<%-- end::row[] --%>\n");
        String before = "Text with an ```inline``` fence.\n"
                + "<!-- include: ../lab/src/main/jte/page.jte#row -->\n"
                + "```jte\n<td>old</td>\n```\n"
                + "<!-- end include -->\n"
                + "<!-- include: ../lab/src/main/jte/page.jte#row -->\n"
                + "```html\n<tr>${row}</tr>\n```\n"
                + "<!-- end include -->\n"
                + "Closing text, no final newline";
        write("slides/deck.md", before);

        assertThat(Snippets.sync(root)).containsExactly("slides/deck.md:2: updated ../lab/src/main/jte/page.jte#row");

        assertThat(read("slides/deck.md")).isEqualTo(before.replace("<td>old</td>", "<tr>${row}</tr>"));
    }

    @Test
    @DisplayName("a block without a fence gets one in the file's language; # markers work in properties")
    void syncAddsMissingFence() throws IOException {
        write("lab/src/main/resources/app.properties", "# tag::port[]\nport=7070\n# end::port[]\nother=1\n");
        write("README.md", "<!-- include: lab/src/main/resources/app.properties#port -->\n<!-- end include -->\n");

        Snippets.sync(root);

        assertThat(read("README.md")).isEqualTo("<!-- include: lab/src/main/resources/app.properties#port -->\n"
                + "```properties\nport=7070\n```\n<!-- end include -->\n");
    }

    @Test
    @DisplayName("without a tag the whole file is included")
    void wholeFile() throws IOException {
        write("chapters/01/notes.txt", "first\n  second\n");
        write("chapters/01/README.md", "<!-- include: notes.txt -->\n<!-- end include -->\n");

        Snippets.sync(root);

        assertThat(read("chapters/01/README.md")).contains("```text\nfirst\n  second\n```\n");
        assertThat(Snippets.check(root)).isEmpty();
    }

    @Test
    @DisplayName("a missing tag, a missing file and a missing end marker are reported, and sync leaves them alone")
    void unresolvableIncludes() throws IOException {
        write("chapters/03/src/main/java/demo/Fetcher.java", FETCHER);
        String text = readme("src/main/java/demo/Fetcher.java#nosuchtag", "x")
                + readme("src/main/java/demo/Gone.java", "y")
                + "<!-- include: src/main/java/demo/Fetcher.java#inner -->\n```java\n```\n";
        write("chapters/03/README.md", text);

        assertThat(Snippets.check(root)).containsExactly(
                "chapters/03/README.md:23: include of src/main/java/demo/Fetcher.java#inner has no <!-- end include -->"
                        + " before the next marker or the end of the file",
                "chapters/03/README.md:5: no line with tag::nosuchtag[] in src/main/java/demo/Fetcher.java",
                "chapters/03/README.md:16: included file src/main/java/demo/Gone.java does not exist");
        assertThat(Snippets.sync(root)).isEmpty();
        assertThat(read("chapters/03/README.md")).isEqualTo(text);
    }

    @Test
    @DisplayName("a java block that no include fills is reported; commands and output may stand alone")
    void codeOutsideIncludes() throws IOException {
        write("chapters/03/README.md", "# Chapter\n\n```bash\nmvn install\n```\n\n```\noutput\n```\n\n"
                + "```java\nint handWritten = 1;\n```\n\n```text\n// tag::x[]\n```\n");
        assertThat(Snippets.check(root)).containsExactly("chapters/03/README.md:11: a ```java block that is not included from"
                + " a source; include it with <!-- include: FILE#tag --> ... <!-- end include -->, or fence it as ```text"
                + " if it is not course code");
    }

    @Test
    @DisplayName("Markdown under target/, .git/ and node_modules/ is not checked")
    void skipsBuildOutput() throws IOException {
        write("chapters/03/target/README.md", readme("Missing.java"));
        write("node_modules/x/README.md", readme("Missing.java"));
        write(".git/README.md", readme("Missing.java"));

        assertThat(Snippets.check(root)).isEmpty();
    }

    @Test
    @DisplayName("the fence language follows the file's extension")
    void fenceLanguages() {
        assertThat(Snippets.fenceLanguage("A.java")).isEqualTo("java");
        assertThat(Snippets.fenceLanguage("page.jte")).isEqualTo("html");
        assertThat(Snippets.fenceLanguage("pom.xml")).isEqualTo("xml");
        assertThat(Snippets.fenceLanguage("app.properties")).isEqualTo("properties");
        assertThat(Snippets.fenceLanguage("run.sh")).isEqualTo("text");
    }
}
