package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseRegionsTest {

    @TempDir
    Path root;

    private static final String FETCHER = "src/main/java/demo/Fetcher.java";

    private static final String STUB = """
            class Fetcher {
                List<Row> fetchAll(List<String> urls) {
                    // EXERCISE 3.1: fetchAll turns failures into rows
                    throw new ExerciseNotSolved("3.1", "fetch every url");
                    // END EXERCISE 3.1
                }
            }
            """;

    private static final String SOLVED = """
            class Fetcher {
                List<Row> fetchAll(List<String> urls) {
                    // EXERCISE 3.1: fetchAll turns failures into rows
                    var futures = urls.stream().map(this::fetch).toList();
                    return futures.stream().map(CompletableFuture::join).toList();
                    // END EXERCISE 3.1
                }
            }
            """;

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    @DisplayName("chapter and solution may differ inside an exercise region")
    void differenceInsideRegionIsAllowed() throws IOException {
        write("chapters/03/" + FETCHER, STUB);
        write("solutions/03/" + FETCHER, SOLVED);
        write("chapters/03/src/main/jte/page.jte", "<%-- EXERCISE 3.2 list the rows --%>\n<p>todo</p>\n<%-- END EXERCISE 3.2 --%>\n");
        write("solutions/03/src/main/jte/page.jte", "<%-- EXERCISE 3.2 list the rows --%>\n<ul></ul>\n<%-- END EXERCISE 3.2 --%>\n");
        write("chapters/03/src/test/java/demo/FetcherTest.java", "// EXERCISE 3.3: a test\nfail();\n// END EXERCISE 3.3\n");
        write("solutions/03/src/test/java/demo/FetcherTest.java", "// EXERCISE 3.3: a test\nassertThat(x);\n// END EXERCISE 3.3\n");

        assertThat(ExerciseRegionsCheck.check(root)).isEmpty();
    }

    @Test
    @DisplayName("a line outside the regions that only one side has is named with its file and line")
    void lineOnlyOnOneSide() throws IOException {
        write("chapters/03/" + FETCHER, STUB);
        write("solutions/03/" + FETCHER, SOLVED + "// extra\n");
        write("chapters/03/src/main/java/demo/Rows.java", "class Rows {\n}\n// gone\n");
        write("solutions/03/src/main/java/demo/Rows.java", "class Rows {\n}\n");

        assertThat(ExerciseRegionsCheck.check(root)).containsExactly(
                "solutions/03/src/main/java/demo/Fetcher.java:9: outside exercise regions, only the solution has \"// extra\"",
                "chapters/03/src/main/java/demo/Rows.java:3: outside exercise regions, only the chapter has \"// gone\"");
    }

    @Test
    @DisplayName("the tests are compared too: each solution keeps its own copy of them")
    void testTreesAreComparedWhenTheSolutionHasOne() throws IOException {
        String learnerTest = "src/test/java/demo/LearnerTest.java";
        write("chapters/06/" + learnerTest, "// EXERCISE 6.1: a test\nfail();\n// END EXERCISE 6.1\nclass A {}\n");
        write("solutions/06/" + learnerTest, "// EXERCISE 6.1: a test\nassertThat(x);\n// END EXERCISE 6.1\nclass B {}\n");

        assertThat(ExerciseRegionsCheck.check(root)).singleElement().asString()
                .contains("chapters/06/" + learnerTest).contains("class A {}").contains("class B {}");
        assertThat(ExerciseRegionsCheck.regions(root.resolve("chapters/06"))).extracting(ExerciseRegions.Region::id).containsExactly("6.1");
    }

    @Test
    @DisplayName("a difference outside the regions is reported with both lines")
    void differenceOutsideRegionIsRejected() throws IOException {
        write("chapters/03/" + FETCHER, STUB);
        write("solutions/03/" + FETCHER, SOLVED.replace("class Fetcher {", "final class Fetcher {"));

        assertThat(ExerciseRegionsCheck.check(root)).containsExactly(
                "chapters/03/" + FETCHER + ":1 and solutions/03/" + FETCHER + ":1 differ outside exercise regions:"
                        + " \"class Fetcher {\" vs \"final class Fetcher {\"");
    }

    @Test
    @DisplayName("line endings count: outside the regions the files must be byte-identical")
    void lineEndingsCount() throws IOException {
        write("chapters/03/" + FETCHER, STUB);
        write("solutions/03/" + FETCHER, SOLVED.replace("    }\n}", "    }\r\n}"));

        assertThat(ExerciseRegionsCheck.check(root)).singleElement().asString()
                .endsWith(":6 and solutions/03/" + FETCHER + ":7 differ outside exercise regions: \"    }\" vs \"    }\\r\"");
    }

    @Test
    @DisplayName("a solution region identical to its stub is flagged as unsolved")
    void unsolvedRegionIsFlagged() throws IOException {
        write("chapters/03/" + FETCHER, STUB);
        write("solutions/03/" + FETCHER, STUB);

        assertThat(ExerciseRegionsCheck.check(root)).containsExactly("solutions/03/" + FETCHER
                + ":3: EXERCISE 3.1 is the same as in chapters/03; the solution must fill it in");
    }

    @Test
    @DisplayName("mismatched, nested, unclosed and repeated markers are reported")
    void malformedRegions() throws IOException {
        String broken = """
                // EXERCISE 3.1 one
                // END EXERCISE 3.2
                // EXERCISE 3.3 outer
                // EXERCISE 3.4 inner
                // END EXERCISE 3.4
                // EXERCISE 3.5 twice
                // END EXERCISE 3.5
                // EXERCISE 3.5 twice
                // END EXERCISE 3.5
                // EXERCISE 3.6 never closed
                """;
        write("chapters/03/" + FETCHER, broken);
        write("solutions/03/" + FETCHER, broken);

        assertThat(ExerciseRegionsCheck.check(root)).filteredOn(problem -> problem.startsWith("chapters/")).containsExactly(
                "chapters/03/" + FETCHER + ":2: END EXERCISE 3.2 closes EXERCISE 3.1 (line 1); start and end ids must match",
                "chapters/03/" + FETCHER + ":4: EXERCISE 3.4 starts inside EXERCISE 3.3 (line 3); regions do not nest",
                "chapters/03/" + FETCHER + ":5: END EXERCISE 3.4 closes EXERCISE 3.3 (line 3); start and end ids must match",
                "chapters/03/" + FETCHER + ":10: EXERCISE 3.6 has no END EXERCISE 3.6",
                "chapters/03/" + FETCHER + ":8: EXERCISE 3.5 is already used at chapters/03/" + FETCHER
                        + ":6; ids are unique within a chapter");
    }

    @Test
    @DisplayName("files and regions present on one side only are reported")
    void oneSidedFilesAndRegions() throws IOException {
        write("chapters/03/" + FETCHER, STUB);
        write("solutions/03/" + FETCHER, SOLVED);
        write("solutions/03/src/main/java/demo/Extra.java", "// EXERCISE 3.9 extra\n// END EXERCISE 3.9\n");
        write("chapters/03/src/test/java/demo/OnlyHereTest.java", "class OnlyHereTest {}\n");
        write("chapters/05/" + FETCHER, "");

        assertThat(ExerciseRegionsCheck.check(root)).containsExactly(
                "solutions/03/src/main/java/demo/Extra.java:1: EXERCISE 3.9 has no region in chapters/03",
                "chapters/03/src/test/java/demo/OnlyHereTest.java has no counterpart solutions/03/src/test/java/demo/OnlyHereTest.java",
                "solutions/03/src/main/java/demo/Extra.java has no counterpart chapters/03/src/main/java/demo/Extra.java",
                "chapters/05 has no solutions/05");
    }

    @Test
    @DisplayName("a repository without chapters or solutions has nothing to report")
    void nothingYet() throws IOException {
        assertThat(ExerciseRegionsCheck.check(root)).isEmpty();
    }

    @Test
    @DisplayName("regions() lists each exercise with its file and marker lines")
    void listsRegions() throws IOException {
        write("chapters/03/" + FETCHER, STUB);
        write("chapters/03/src/main/jte/page.jte", "<p>\n<%-- EXERCISE 3.2 list the rows --%>\n<%-- END EXERCISE 3.2 --%>\n");

        assertThat(ExerciseRegionsCheck.regions(root.resolve("chapters/03"))).containsExactly(
                new ExerciseRegions.Region("3.1", Path.of(FETCHER), 3, 5),
                new ExerciseRegions.Region("3.2", Path.of("src/main/jte/page.jte"), 2, 3));
    }
}
