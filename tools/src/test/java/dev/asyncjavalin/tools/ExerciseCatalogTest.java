package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(ExerciseCatalogCheck.check(root)).isEmpty();
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
        assertThat(ExerciseCatalogCheck.check(root)).containsExactly(
                "chapters/01/src/main/java/demo/Extra.java:2: EXERCISE 1.2 is not listed in chapters/exercises.yaml with this file",
                "demo.Exercise12ExtraTest checks exercise 1.2 but is not among its tests in chapters/exercises.yaml");
    }

    @Test
    @DisplayName("a region numbered for another chapter is named: the catalog lists that id with another file")
    void regionOfAnotherChapter() throws IOException {
        FixtureCourse.write(root, "chapters/01/src/main/java/demo/Stray.java",
                "package demo;\n// EXERCISE 2.1: stray\n// END EXERCISE 2.1\n");
        assertThat(ExerciseCatalogCheck.check(root)).containsExactly(
                "chapters/01/src/main/java/demo/Stray.java:2: EXERCISE 2.1 is not listed in chapters/exercises.yaml with this file");
    }

    @Test
    @DisplayName("a file, region or test the catalog names but the code lacks is a problem")
    void missingInCode() throws IOException {
        FixtureCourse.write(root, ExerciseCatalog.FILE, FixtureCourse.CATALOG
                .replace("demo.Exercise11GreeterTest", "demo.Exercise11MissingTest")
                .replace("chapters/02/src/main/java/later/Later.java", "chapters/02/src/main/java/later/Gone.java"));
        FixtureCourse.write(root, "chapters/01/src/test/java/demo/Exercise11GreeterTest.java", "package demo;\nclass Exercise11GreeterTest {}\n");
        assertThat(ExerciseCatalogCheck.check(root)).containsExactly(
                "chapters/exercises.yaml: exercise 1.1: test demo.Exercise11MissingTest is not a class in chapters/01/src/test/java"
                        + " with @Tag(\"exercise\") and @DisplayName(\"1.1 greets\")",
                "chapters/exercises.yaml: exercise 2.1: chapters/02/src/main/java/later/Gone.java has no region EXERCISE 2.1"
                        + " ... END EXERCISE 2.1",
                "chapters/02/src/main/java/later/Later.java:4: EXERCISE 2.1 is not listed in chapters/exercises.yaml with this file");
    }

    @Test
    @DisplayName("a test whose display name disagrees with the catalog's title is a problem")
    void titleDisagrees() throws IOException {
        FixtureCourse.write(root, ExerciseCatalog.FILE, FixtureCourse.CATALOG.replace("title: greets", "title: says hello"));
        assertThat(ExerciseCatalogCheck.check(root)).containsExactly(
                "chapters/exercises.yaml: exercise 1.1: test demo.Exercise11GreeterTest is named \"1.1 greets\"; "
                        + "the catalog says \"1.1 says hello\"");
    }

    @Test
    @DisplayName("one hint, an exercise out of order or listed twice, a chapter listed twice or without its directory are problems")
    void badEntries() throws IOException {
        FixtureCourse.write(root, ExerciseCatalog.FILE, FixtureCourse.CATALOG.replace("          - |\n            Two.\n", ""));
        assertThat(ExerciseCatalogCheck.check(root)).containsExactly(
                "chapters/exercises.yaml: exercise 2.1: has 1 hints; give two or three, none empty, from gentle to explicit");
        FixtureCourse.write(root, ExerciseCatalog.FILE, FixtureCourse.CATALOG.replace("            Two.\n", "            \n"));
        assertThat(ExerciseCatalogCheck.check(root)).as("a hint of only white space").containsExactly(
                "chapters/exercises.yaml: exercise 2.1: has 2 hints; give two or three, none empty, from gentle to explicit");
        FixtureCourse.write(root, ExerciseCatalog.FILE, FixtureCourse.CATALOG.replace("id: \"2.1\"", "id: \"1.1\""));
        assertThat(ExerciseCatalogCheck.check(root)).contains(
                "chapters/exercises.yaml: exercise 1.1: comes after 1.1; list each exercise once, in order",
                "chapters/exercises.yaml: exercise 1.1: is listed under chapter 02; its id says chapter 01");
        FixtureCourse.write(root, ExerciseCatalog.FILE, FixtureCourse.CATALOG.replace("number: \"02\"", "number: \"01\""));
        assertThat(ExerciseCatalogCheck.check(root)).contains(
                "chapters/exercises.yaml: chapter 01 is listed twice",
                "chapters/exercises.yaml: chapters/02 is not listed");
        FixtureCourse.write(root, ExerciseCatalog.FILE, FixtureCourse.CATALOG.replace("number: \"02\"", "number: \"03\""));
        assertThat(ExerciseCatalogCheck.check(root)).contains(
                "chapters/exercises.yaml: chapter 03: there is no directory chapters/03",
                "chapters/exercises.yaml: chapters/02 is not listed");
    }

    @Test
    @DisplayName("unknown keys, unknown levels and bad ids make the catalog unreadable, with the file's name")
    void unreadable() throws IOException {
        FixtureCourse.write(root, ExerciseCatalog.FILE, FixtureCourse.CATALOG.replace("title: Demo", "titel: Demo"));
        assertThatThrownBy(() -> ExerciseCatalogCheck.check(root)).hasMessageStartingWith("chapters/exercises.yaml:").hasMessageContaining("titel");
        FixtureCourse.write(root, ExerciseCatalog.FILE, FixtureCourse.CATALOG.replace("title: greets\n", "title: greets\n        level: hard\n"));
        assertThatThrownBy(() -> ExerciseCatalogCheck.check(root)).hasMessage(
                "chapters/exercises.yaml: chapter 01: exercise 1.1: level 'hard' is not one of warm-up, core, build-it, stretch");
        FixtureCourse.write(root, ExerciseCatalog.FILE, FixtureCourse.CATALOG.replace("id: \"1.1\"", "id: first"));
        assertThatThrownBy(() -> ExerciseCatalogCheck.check(root)).hasMessage(
                "chapters/exercises.yaml: chapter 01: exercise id 'first' must look like \"3.1\", in quotes");
    }

    @Test
    @DisplayName("ids compare as numbers: 3.2 before 3.10")
    void idOrder() {
        assertThat(ExerciseCatalogCheck.compareIds("3.2", "3.10")).isNegative();
        assertThat(ExerciseCatalogCheck.compareIds("10.1", "9.9")).isPositive();
    }
}
