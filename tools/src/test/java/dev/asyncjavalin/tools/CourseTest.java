package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The course command, on a two-chapter course of its own (see {@link FixtureCourse}). */
class CourseTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void freshClone() throws IOException, InterruptedException {
        FixtureCourse.create(root);
    }

    private int course(String... words) {
        output.reset();
        PrintStream printTo = new PrintStream(output, true, StandardCharsets.UTF_8);
        Course course = new Course(root, printTo, printTo, FixtureCourse.javac(), 17);
        return course.run(List.of(words));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private void solveExercise11() throws IOException {
        FixtureCourse.write(root, FixtureCourse.STUB_FILE, FixtureCourse.SOLVED);
    }

    @Nested
    @DisplayName("progress")
    class Progress {

        @Test
        @DisplayName("on a fresh clone: nothing done, 1.1 next, the JDK-99 chapter named as skipped")
        void freshClone() {
            assertThat(course("progress")).isZero();
            assertThat(printed())
                    .contains("Course progress: 0 of 2 exercises done")
                    .contains("  [ ] 1.1 greets")
                    .contains("Next: 1.1 greets")
                    .contains("edit   " + FixtureCourse.STUB_FILE)
                    .contains("needs JDK 99+ (this is JDK 17)")
                    .contains("  [-] 2.1 waits for JDK 99");
        }

        @Test
        @DisplayName("with one solved region: one done, and the bar shows it")
        void oneSolved() throws IOException {
            solveExercise11();
            assertThat(course("progress")).isZero();
            assertThat(printed())
                    .contains("Course progress: 1 of 2 exercises done")
                    .contains("  [x] 1.1 greets")
                    .contains(Course.bar(1, 2) + "  50%")
                    .doesNotContain("Next: 1.1");
        }

        @Test
        @DisplayName("a stretch exercise is counted apart, marked optional, and never named next")
        void stretchIsOptional() throws IOException {
            FixtureCourse.write(root, ExerciseCatalog.FILE, FixtureCourse.CATALOG.replace(
                    "title: waits for JDK 99\n", "title: waits for JDK 99\n        level: stretch\n"));
            solveExercise11();
            assertThat(course("progress")).isZero();
            assertThat(printed())
                    .contains("Course progress: 1 of 1 exercises done (and 0 of 1 optional stretch exercises)")
                    .contains("  [-] 2.1 waits for JDK 99  (stretch, optional)")
                    .doesNotContain("Next: 2.1");
        }

        @Test
        @DisplayName("a chapter that does not compile says so and keeps its exercises open")
        void doesNotCompile() throws IOException {
            FixtureCourse.write(root, FixtureCourse.STUB_FILE, FixtureCourse.STUB.replace("return", "retur"));
            assertThat(course("progress")).isZero();
            assertThat(printed()).contains("does not compile", "javac failed", "  [ ] 1.1 greets", "Next: 1.1 greets");
        }
    }

    @Nested
    @DisplayName("check")
    class Check {

        @Test
        @DisplayName("an unsolved chapter: a short summary with the first failure, exit 1")
        void unsolved() {
            assertThat(course("check", "01")).isEqualTo(1);
            assertThat(printed())
                    .contains("Chapter 01 · Demo: 0 of 1 exercises done")
                    .contains("  [ ] 1.1 greets  (1 of 1 tests fail)")
                    .contains("says hello: Exercise 1.1: the greeting ==> expected: <hello> but was: <not solved yet>")
                    .contains("stuck? ./course hint 1.1");
        }

        @Test
        @DisplayName("a solved chapter: every exercise ticked, exit 0; '1' and 'chapters/01/' name chapter 01 too")
        void solved() throws IOException {
            solveExercise11();
            assertThat(course("check", "1")).isZero();
            assertThat(printed()).contains("Chapter 01 · Demo: 1 of 1 exercises done", "  [x] 1.1 greets  (1 test pass)");
            assertThat(course("check", "chapters/01/")).as("what a shell completes").isZero();
        }

        @Test
        @DisplayName("an unknown chapter, a missing one and a chapter for a newer JDK are refused, with the reason")
        void badChapters() {
            assertThat(course("check", "10")).isEqualTo(2);
            assertThat(printed()).startsWith("unknown chapter '10'; the chapters are 01, 02").contains(Course.USAGE);
            assertThat(course("check", "abc")).isEqualTo(2);
            assertThat(printed()).contains("unknown chapter 'abc'");
            assertThat(course("check")).isEqualTo(2);
            assertThat(printed()).contains("check needs one chapter, e.g. check 03", Course.USAGE);
            assertThat(course("check", "02")).isEqualTo(2);
            assertThat(printed()).contains("Chapter 02 needs JDK 99 or newer; this is JDK 17");
        }
    }

    @Nested
    @DisplayName("hint")
    class Hint {

        @Test
        @DisplayName("gives the hints in order, one at a time, then says there are no more")
        void inOrder() {
            assertThat(course("hint", "1.1")).isZero();
            assertThat(printed()).contains("hint 1 of 2", "A gentle one.", "./course hint 1.1 again for hint 2 of 2")
                    .doesNotContain("An explicit one");
            assertThat(course("hint", "1.1")).isZero();
            assertThat(printed()).contains("hint 2 of 2", "An explicit one: `return \"hello\";`", "That was the last hint for 1.1.")
                    .doesNotContain("A gentle one.");
            assertThat(course("hint", "1.1")).isZero();
            assertThat(printed()).contains("No more hints for 1.1: you have seen all 2.",
                    "solutions/01/src/main/java/demo/Greeter.java");
            assertThat(course("hint", "1.1", "--again")).isZero();
            assertThat(printed()).contains("hint 1 of 2", "A gentle one.");
        }

        @Test
        @DisplayName("remembers per exercise, in .course/, which git ignores in the real course")
        void perExercise() throws IOException {
            course("hint", "1.1");
            assertThat(course("hint", "2.1")).isZero();
            assertThat(printed()).contains("hint 1 of 2", "One.");
            assertThat(root.resolve(Course.HINT_LOG)).isRegularFile();
            Properties seen = new Properties();
            try (var reader = Files.newBufferedReader(root.resolve(Course.HINT_LOG))) {
                seen.load(reader);
            }
            assertThat(seen).containsEntry("1.1", "1").containsEntry("2.1", "1");
        }

        @Test
        @DisplayName("an unknown or malformed exercise id is refused with the list of ids")
        void unknownExercise() {
            assertThat(course("hint", "9.9")).isEqualTo(2);
            assertThat(printed()).contains("unknown exercise '9.9'; the exercises are 1.1, 2.1");
            assertThat(course("hint", "one")).isEqualTo(2);
            assertThat(printed()).contains("unknown exercise 'one'");
            assertThat(course("hint")).isEqualTo(2);
            assertThat(printed()).contains("hint needs one exercise, e.g. hint 3.1", Course.USAGE);
        }
    }

    @Nested
    @DisplayName("reset")
    class Reset {

        @Test
        @DisplayName("refuses to throw work away without --force; with it, the file is the stub again, byte for byte")
        void resetsSolvedRegion() throws IOException {
            solveExercise11();
            Path file = root.resolve(FixtureCourse.STUB_FILE);

            assertThat(course("reset", "1.1")).isEqualTo(1);
            assertThat(printed()).contains("exercise 1.1 has your work in it", "--force");
            assertThat(file).hasContent(FixtureCourse.SOLVED);

            assertThat(course("reset", "1.1", "--force")).isZero();
            assertThat(printed()).contains("exercise 1.1 is back to its stub");
            assertThat(Files.readAllBytes(file)).isEqualTo(FixtureCourse.STUB.getBytes(StandardCharsets.UTF_8));

            assertThat(course("reset", "1.1")).isZero();
            assertThat(printed()).contains("already the original stub");
        }

        @Test
        @DisplayName("changes outside the region are kept")
        void keepsTheRestOfTheFile() throws IOException {
            String edited = FixtureCourse.SOLVED.replace("public final class Greeter {", "public final class Greeter { // mine");
            FixtureCourse.write(root, FixtureCourse.STUB_FILE, edited);
            assertThat(course("reset", "1.1", "--force")).isZero();
            assertThat(root.resolve(FixtureCourse.STUB_FILE))
                    .hasContent(FixtureCourse.STUB.replace("public final class Greeter {", "public final class Greeter { // mine"));
        }

        @Test
        @DisplayName("bad input: unknown id, --from without a ref, an unknown ref, broken markers, no git")
        void badInput() throws IOException, InterruptedException {
            assertThat(course("reset", "7.7")).isEqualTo(2);
            assertThat(printed()).contains("unknown exercise '7.7'");
            assertThat(course("reset", "1.1", "--from")).isEqualTo(2);
            assertThat(printed()).contains("--from needs a git commit, branch or tag, e.g. --from origin/main", Course.USAGE);
            assertThat(course("reset", "1.1", "--from", "no-such-branch")).isEqualTo(1);
            assertThat(printed()).contains("error: cannot read " + FixtureCourse.STUB_FILE + " at no-such-branch from git")
                    .as("a bad ref is not a missing clone").doesNotContain("git clone");

            FixtureCourse.write(root, FixtureCourse.STUB_FILE, FixtureCourse.SOLVED.replace("// END EXERCISE 1.1", ""));
            assertThat(course("reset", "1.1", "--force")).isEqualTo(1);
            assertThat(printed()).contains("has lost the markers of EXERCISE 1.1");

            Files.delete(root.resolve(FixtureCourse.STUB_FILE));
            assertThat(course("reset", "1.1")).isEqualTo(1);
            assertThat(printed()).contains(FixtureCourse.STUB_FILE + " does not exist; `git checkout -- ");

            FixtureCourse.write(root, FixtureCourse.STUB_FILE, FixtureCourse.STUB);
            deleteRecursively(root.resolve(".git"));
            assertThat(course("reset", "1.1")).isEqualTo(1);
            assertThat(printed()).contains("error: cannot read " + FixtureCourse.STUB_FILE + " at HEAD from git: fatal: not a git repository")
                    .contains("(reset needs the course as a git clone)");
        }
    }

    @Nested
    @DisplayName("watch")
    class Watch {

        @Test
        @DisplayName("a saved file under src/ ends the wait and is named")
        void seesASave() throws Exception {
            Path src = root.resolve("chapters/01/src");
            try (ChapterWatch watch = new ChapterWatch(src)) {
                CompletableFuture<Set<Path>> change = CompletableFuture.supplyAsync(() -> {
                    try {
                        return watch.awaitChange();
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                solveExercise11();
                assertThat(change).succeedsWithin(Duration.ofSeconds(30))
                        .satisfies(paths -> assertThat(paths).contains(Path.of("main/java/demo/Greeter.java")));
            }
        }

        @Test
        @DisplayName("an unknown chapter is refused before anything is watched")
        void unknownChapter() {
            assertThat(course("watch", "42")).isEqualTo(2);
            assertThat(printed()).contains("unknown chapter '42'");
        }
    }

    @Test
    @DisplayName("no command, an unknown one, and help")
    void usage() {
        assertThat(course()).isEqualTo(2);
        assertThat(printed()).contains("no command given", Course.USAGE);
        assertThat(course("frobnicate")).isEqualTo(2);
        assertThat(printed()).contains("unknown command 'frobnicate'", Course.USAGE);
        assertThat(course("progress", "now")).isEqualTo(2);
        assertThat(printed()).contains("progress does not take 'now'", Course.USAGE);
        assertThat(course("help")).isZero();
        assertThat(printed()).contains(Course.USAGE);
    }

    @Test
    @DisplayName("a broken catalog is an error that names the file and line, not a stack trace")
    void brokenCatalog() throws IOException {
        FixtureCourse.write(root, ExerciseCatalog.FILE, FixtureCourse.CATALOG.replace("    hints:", "    hint:"));
        assertThat(course("progress")).isEqualTo(1);
        assertThat(printed()).startsWith("error: chapters/exercises.yaml:").contains("hint");
        assertThat(course("hint", "1.1")).as("read while the command line is parsed, still an error, not a usage").isEqualTo(1);
        assertThat(printed()).startsWith("error: chapters/exercises.yaml:").doesNotContain(Course.USAGE, "Invalid value");
    }

    @Test
    @DisplayName("Maven's output: which chapters failed, and why, in a few lines")
    void mavenFailures() {
        var one = new ExerciseCatalog.Chapter("01", "Demo", null, List.of());
        var two = new ExerciseCatalog.Chapter("02", "Later", null, List.of());
        String output = String.join("\n",
                "[ERROR] COMPILATION ERROR : ",
                "[ERROR] /course/chapters/02/src/main/java/later/Later.java:[3,5] ';' expected",
                "[ERROR] /course/chapters/02/src/main/java/later/Later.java:[9,9] cannot find symbol: method help()",
                "[INFO] Reactor Summary:",
                "[INFO] Chapter 01 · Demo ................................... SUCCESS [  1.0 s]",
                "[INFO] Chapter 02 · Later .................................. FAILURE [  0.5 s]",
                "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin",
                "[ERROR] /course/chapters/02/src/main/java/later/Later.java:[3,5] ';' expected");
        Map<String, String> failed = ChapterBuild.failures(output, List.of(one, two));
        assertThat(failed).containsOnlyKeys("02");
        assertThat(failed.get("02")).isEqualTo("/course/chapters/02/src/main/java/later/Later.java:[3,5] ';' expected"
                + System.lineSeparator() + "/course/chapters/02/src/main/java/later/Later.java:[9,9] cannot find symbol: method help()");
        assertThat(ChapterBuild.failures("[ERROR] Failed to execute goal gg.jte:jte-maven-plugin: bad template", List.of(one)))
                .containsEntry("01", "Failed to execute goal gg.jte:jte-maven-plugin: bad template");
        assertThat(ChapterBuild.failures("[ERROR] Could not resolve dependencies for project", List.of(one, two)))
                .containsOnlyKeys("01", "02")
                .containsValue("the course's libraries are not in your local Maven repository yet: run `mvn install` at the root first");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
