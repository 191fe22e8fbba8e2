package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseCatalogTest {

    @TempDir
    Path root;

    @BeforeEach
    void course() throws IOException, InterruptedException {
        FixtureCourse.create(root);
    }

    @Test
    @DisplayName("a catalog that matches the code has no problems, and reads back in order")
    void agrees() throws IOException {
        assertThat(ExerciseCatalog.check(root)).isEmpty();
        var catalog = ExerciseCatalog.load(root);
        assertThat(catalog.exercises()).extracting(ExerciseCatalog.Exercise::id).containsExactly("1.1", "2.1");
        assertThat(catalog.chapter("2")).get().extracting(ExerciseCatalog.Chapter::requiredJdk).isEqualTo(99);
        assertThat(catalog.exercise("1.1")).get().extracting(ExerciseCatalog.Exercise::solutionFile)
                .isEqualTo("solutions/01/src/main/java/demo/Greeter.java");
    }

    @Test
    @DisplayName("a region the catalog does not name, and a test it does not list, are problems")
    void unlistedRegionAndTest() throws IOException {
        FixtureCourse.write(root, "chapters/01/src/main/java/demo/Extra.java",
                "package demo;\n// EXERCISE 1.2: more\n// END EXERCISE 1.2\n");
        FixtureCourse.write(root, "chapters/01/src/test/java/demo/Exercise12ExtraTest.java",
                "package demo;\n@org.junit.jupiter.api.Tag(\"exercise\")\n"
                        + "class X {}\n@Tag(\"exercise\")\n@DisplayName(\"1.2 more\")\nclass Exercise12ExtraTest {}\n");
        assertThat(ExerciseCatalog.check(root)).containsExactly(
                "chapters/01/src/main/java/demo/Extra.java:2: EXERCISE 1.2 is not listed in chapters/exercises.yaml with this file",
                "demo.Exercise12ExtraTest checks exercise 1.2 but is not among its tests in chapters/exercises.yaml");
    }

    @Test
    @DisplayName("a file, region or test the catalog names but the code lacks is a problem")
    void missingInCode() throws IOException {
        FixtureCourse.write(root, ExerciseCatalog.FILE, FixtureCourse.CATALOG
                .replace("demo.Exercise11GreeterTest", "demo.Exercise11MissingTest")
                .replace("chapters/02/src/main/java/later/Later.java", "chapters/02/src/main/java/later/Gone.java"));
        FixtureCourse.write(root, "chapters/01/src/test/java/demo/Exercise11GreeterTest.java", "package demo;\nclass Exercise11GreeterTest {}\n");
        assertThat(ExerciseCatalog.check(root)).contains(
                "chapters/exercises.yaml: exercise 1.1: test demo.Exercise11MissingTest does not exist (no "
                        + "chapters/01/src/test/java/demo/Exercise11MissingTest.java)",
                "chapters/exercises.yaml: exercise 2.1: file chapters/02/src/main/java/later/Gone.java does not exist",
                "chapters/02/src/main/java/later/Later.java:4: EXERCISE 2.1 is not listed in chapters/exercises.yaml with this file");
    }

    @Test
    @DisplayName("a test whose display name disagrees with the catalog's title is a problem")
    void titleDisagrees() throws IOException {
        FixtureCourse.write(root, ExerciseCatalog.FILE, FixtureCourse.CATALOG.replace("title: greets", "title: says hello"));
        assertThat(ExerciseCatalog.check(root)).containsExactly(
                "chapters/exercises.yaml: exercise 1.1: test demo.Exercise11GreeterTest is named \"1.1 greets\"; "
                        + "the catalog says \"1.1 says hello\"");
    }

    @Test
    @DisplayName("one hint, unknown keys and bad ids are problems with the file's name")
    void badEntries() throws IOException {
        FixtureCourse.write(root, ExerciseCatalog.FILE, FixtureCourse.CATALOG.replace("          - |\n            Two.\n", ""));
        assertThat(ExerciseCatalog.check(root)).containsExactly(
                "chapters/exercises.yaml: exercise 2.1: has 1 hints; give two or three, from gentle to explicit");
        FixtureCourse.write(root, ExerciseCatalog.FILE, FixtureCourse.CATALOG.replace("title: Demo", "titel: Demo"));
        assertThat(ExerciseCatalog.check(root)).singleElement().asString().startsWith("chapters/exercises.yaml:").contains("titel");
        FixtureCourse.write(root, ExerciseCatalog.FILE, FixtureCourse.CATALOG.replace("title: greets\n", "title: greets\n        level: hard\n"));
        assertThat(ExerciseCatalog.check(root)).containsExactly(
                "chapters/exercises.yaml: exercise 1.1: level 'hard' is not one of warm-up, core, build-it, stretch");
        FixtureCourse.write(root, ExerciseCatalog.FILE, FixtureCourse.CATALOG.replace("id: \"1.1\"", "id: first"));
        assertThat(ExerciseCatalog.check(root)).containsExactly(
                "chapters/exercises.yaml: chapter 01: exercise id 'first' must look like \"3.1\", in quotes");
    }

    @Test
    @DisplayName("ids compare as numbers: 3.2 before 3.10")
    void idOrder() {
        assertThat(ExerciseCatalog.compareIds("3.2", "3.10")).isNegative();
        assertThat(ExerciseCatalog.compareIds("10.1", "9.9")).isPositive();
    }
}
