package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.tools.ExerciseCatalog.Chapter;
import dev.asyncjavalin.tools.ExerciseCatalog.Exercise;
import dev.asyncjavalin.tools.ExerciseRegions.Region;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hints teach before they tell: no hint holds a line of the exercise's answer (the literal answer
 * lives in solutions/ only), a hint that sends the learner to a README section names one that
 * exists, and a method, field or class a hint names in code exists: in the chapter's or the lab's
 * code, or in a library class that code uses.
 */
class HintsTeachTest {

    private static final Path ROOT = CourseRepository.ROOT;
    /** Shorter answer lines ({@code return;}, a closing brace) say nothing a hint could give away. */
    private static final int SHORTEST_TELLING_LINE = 12;
    /** {@code Read "Some heading"}: a pointer to a section of the chapter's README. */
    private static final Pattern README_POINTER = Pattern.compile("Read \"([^\"]+)\"");
    /** Inline code in a hint's Markdown. */
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

    @Test
    @DisplayName("no hint contains a code line of its exercise's answer")
    void noHintGivesTheAnswer() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Chapter chapter : ExerciseCatalog.load(ROOT).chapters()) {
            for (Exercise exercise : chapter.exercises()) {
                List<String> answer = answerLines(exercise);
                assertThat(answer).as("the answer of %s in %s", exercise.id(), exercise.solutionFile()).isNotEmpty();
                for (int i = 0; i < exercise.hints().size(); i++) {
                    String hint = withoutSpaces(exercise.hints().get(i));
                    for (String line : answer) {
                        if (hint.contains(line)) {
                            problems.add(exercise.id() + " hint " + (i + 1) + " gives the answer's line " + line);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("a hint that points to a README section names a heading of that chapter's README")
    void readmePointersExist() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Chapter chapter : ExerciseCatalog.load(ROOT).chapters()) {
            String readme = Files.readString(ROOT.resolve(chapter.directory()).resolve("README.md"), StandardCharsets.UTF_8);
            for (Exercise exercise : chapter.exercises()) {
                for (String hint : exercise.hints()) {
                    Matcher pointer = README_POINTER.matcher(hint.replaceAll("\\s+", " "));
                    while (pointer.find()) {
                        if (!Pattern.compile("(?m)^#+ " + Pattern.quote(pointer.group(1)) + "$").matcher(readme).find()) {
                            problems.add(exercise.id() + " points to \"" + pointer.group(1) + "\", not a heading of "
                                    + chapter.directory() + "/README.md");
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("a method, field or class a hint names in code exists in the chapter, the lab or a library they use")
    void namedApisExist() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Chapter chapter : ExerciseCatalog.load(ROOT).chapters()) {
            KnownNames known = KnownNames.of(List.of(ROOT.resolve("solutions").resolve(chapter.number()), ROOT.resolve("lab")));
            for (Exercise exercise : chapter.exercises()) {
                for (int i = 0; i < exercise.hints().size(); i++) {
                    Matcher span = CODE_SPAN.matcher(exercise.hints().get(i));
                    while (span.find()) {
                        for (String unknown : known.unknownIn(span.group(1))) {
                            problems.add(exercise.id() + " hint " + (i + 1) + ": `" + span.group(1) + "` names " + unknown
                                    + ", which neither the chapter, the lab nor a library they use has");
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("the name check knows the lab's and the libraries' names, and refuses a misspelt one")
    void theNameCheckRefusesWhatDoesNotExist() throws IOException {
        KnownNames lab = KnownNames.of(List.of(ROOT.resolve("lab")));
        assertThat(lab.unknownIn("CompletableFuture.completeOnTimeout(value, timeout, unit)")).isEmpty();
        assertThat(lab.unknownIn("ctx.queryParam(\"name\") == null")).isEmpty();
        assertThat(lab.unknownIn("java.util.concurrent.Semaphore")).isEmpty();
        assertThat(lab.unknownIn("CompletableFuture.completeOnTimout")).containsExactly("CompletableFuture.completeOnTimout");
        assertThat(lab.unknownIn("ctx.queryParm(\"name\")")).containsExactly("'queryParm'");
        assertThat(lab.unknownIn("java.util.concurrent.Semaphor")).containsExactly("the class java.util.concurrent.Semaphor");
        assertThat(lab.unknownIn("CompletableFutures")).containsExactly("the class CompletableFutures");
        assertThat(lab.unknownIn("whenCompleted")).containsExactly("'whenCompleted'");
    }

    /** The code lines of the solved region, without spaces (so that line breaks in a hint do not hide one). */
    private static List<String> answerLines(Exercise exercise) throws IOException {
        Path solution = ROOT.resolve(exercise.solutionFile());
        List<String> lines = Files.readAllLines(solution, StandardCharsets.UTF_8);
        Region region = ExerciseRegions.region(String.join("\n", lines), exercise.file(), exercise.id())
                .orElseThrow(() -> new AssertionError(exercise.solutionFile() + " has no region " + exercise.id()));
        List<String> code = new ArrayList<>();
        // startLine and endLine are the marker lines, 1-based: the body lies between them
        for (String line : lines.subList(region.startLine(), region.endLine() - 1)) {
            String trimmed = line.strip();
            String bare = withoutSpaces(trimmed);
            if (bare.length() >= SHORTEST_TELLING_LINE && !trimmed.startsWith("//") && !trimmed.startsWith("*")) {
                code.add(bare.endsWith(";") ? bare.substring(0, bare.length() - 1) : bare);
            }
        }
        return code;
    }

    private static String withoutSpaces(String text) {
        return text.replaceAll("\\s+", "");
    }
}
