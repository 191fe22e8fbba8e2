package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.tools.ExerciseCatalog.Chapter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A course of two tiny chapters in a temporary git repository, for testing the course command
 * without touching the learner's own chapters: chapter 01 has one exercise (a method that should
 * return "hello"), chapter 02 needs a JDK newer than any there is.
 */
final class FixtureCourse {

    static final String STUB_FILE = "chapters/01/src/main/java/demo/Greeter.java";

    static final String STUB = """
            package demo;

            public final class Greeter {
                public static String greet() {
                    // EXERCISE 1.1: answer "hello"
                    return "not solved yet";
                    // END EXERCISE 1.1
                }
            }
            """;

    static final String SOLVED = STUB.replace("return \"not solved yet\";", "String word = \"hello\";\n        return word;");

    static final String CATALOG = """
            chapters:
              - number: "01"
                title: Demo
                exercises:
                  - id: "1.1"
                    title: greets
                    file: chapters/01/src/main/java/demo/Greeter.java
                    tests:
                      - demo.Exercise11GreeterTest
                    hints:
                      - |
                        A gentle one.
                      - |
                        An explicit one: `return "hello";`
              - number: "02"
                title: From the future
                jdk: 99
                exercises:
                  - id: "2.1"
                    title: waits for JDK 99
                    file: chapters/02/src/main/java/later/Later.java
                    tests:
                      - later.Exercise21LaterTest
                    hints:
                      - |
                        One.
                      - |
                        Two.
            """;

    private static final String TEST = """
            package demo;

            import org.junit.jupiter.api.Assertions;
            import org.junit.jupiter.api.DisplayName;
            import org.junit.jupiter.api.Tag;
            import org.junit.jupiter.api.Test;

            @Tag("exercise")
            @DisplayName("1.1 greets")
            class Exercise11GreeterTest {
                @Test
                @DisplayName("says hello")
                void saysHello() {
                    Assertions.assertEquals("hello", Greeter.greet(), "Exercise 1.1: the greeting");
                }
            }
            """;

    private static final String LATER = """
            package later;

            public final class Later {
                // EXERCISE 2.1: nothing to do before JDK 99
                // END EXERCISE 2.1
            }
            """;

    private static final String LATER_TEST = """
            package later;

            import org.junit.jupiter.api.DisplayName;
            import org.junit.jupiter.api.Tag;

            @Tag("exercise")
            @DisplayName("2.1 waits for JDK 99")
            class Exercise21LaterTest {
            }
            """;

    private FixtureCourse() {
    }

    /** Writes the course into {@code root} and commits it, as a fresh clone would be. */
    static void create(Path root) throws IOException, InterruptedException {
        write(root, ExerciseCatalog.FILE, CATALOG);
        write(root, STUB_FILE, STUB);
        write(root, "solutions/01/src/main/java/demo/Greeter.java", SOLVED);
        write(root, "chapters/01/src/test/java/demo/Exercise11GreeterTest.java", TEST);
        write(root, "chapters/02/src/main/java/later/Later.java", LATER);
        write(root, "chapters/02/src/test/java/later/Exercise21LaterTest.java", LATER_TEST);
        git(root, "init", "-q");
        git(root, "add", ".");
        git(root, "-c", "user.name=Course", "-c", "user.email=course@example.invalid", "commit", "-q", "-m", "the course");
    }

    static void write(Path root, String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    static void git(Path root, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes());
        assertThat(git.waitFor()).as("git %s: %s", String.join(" ", args), output).isZero();
    }

    /**
     * Stands in for Maven: compiles each chapter's main and test sources with the JDK's compiler into
     * target/, as {@code mvn test-compile} would, and reports a chapter whose code does not compile.
     */
    static ChapterBuild javac() {
        return (root, chapters) -> {
            Map<String, String> failed = new LinkedHashMap<>();
            for (Chapter chapter : chapters) {
                Path dir = root.resolve(chapter.directory());
                String classes = dir.resolve("target/classes").toString();
                if (!compile(dir.resolve("src/main/java"), classes, libraries())
                        || !compile(dir.resolve("src/test/java"), dir.resolve("target/test-classes").toString(),
                        libraries() + java.io.File.pathSeparator + classes)) {
                    failed.put(chapter.number(), "javac failed");
                }
            }
            return failed;
        };
    }

    private static boolean compile(Path sources, String output, String classpath) {
        try (Stream<Path> files = Files.walk(sources)) {
            Files.createDirectories(Path.of(output));
            List<String> args = new ArrayList<>(List.of("-d", output, "-cp", classpath, "-nowarn", "-Xlint:none"));
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> args.add(file.toString()));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            // the compiler's complaints are the point of one test, not something to print
            return javac.run(null, OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), args.toArray(String[]::new)) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The JUnit API the fixture's tests are written against, from wherever this test found it. */
    private static String libraries() {
        return String.join(java.io.File.pathSeparator,
                jarOf(org.junit.jupiter.api.Test.class), jarOf(org.opentest4j.AssertionFailedError.class),
                jarOf(org.apiguardian.api.API.class));
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
