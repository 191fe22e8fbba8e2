package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs the course checks on this repository, so that `mvn install` fails when a README shows stale
 * code or a solution drifts from its chapter outside the exercise regions.
 */
class RepositoryIsConsistentTest {

    private static final Path ROOT = CourseRepository.ROOT;

    @Test
    @DisplayName("the tests really run on the course repository")
    void rootIsTheCourse() {
        assertThat(ROOT.resolve("pom.xml")).isRegularFile();
        assertThat(ROOT.resolve("lab")).isDirectory();
    }

    @Test
    @DisplayName("every README snippet and hint block matches its source (fix with: mvn -q -pl tools exec:java -Dexec.args=\"snippets sync\")")
    void snippetsAreUpToDate() throws IOException {
        assertNoProblems(Snippets.check(ROOT));
    }

    @Test
    @DisplayName("chapters and solutions differ only inside their exercise regions")
    void solutionsMatchChapters() throws IOException {
        assertNoProblems(ExerciseRegionsCheck.check(ROOT));
    }

    @Test
    @DisplayName("chapters/exercises.yaml names every exercise region and test, and only those")
    void catalogMatchesCode() throws IOException {
        assertNoProblems(ExerciseCatalogCheck.check(ROOT));
    }

    @Test
    @DisplayName("every module's source, test and resource folders are inside its own folder (IDEs import each module)")
    void moduleRootsStayInside() throws IOException {
        assertNoProblems(ModuleRoots.check(ROOT));
    }

    @Test
    @DisplayName("every exercise has at least two wrong answers in wrong-answers/, each naming a real exercise")
    void wrongAnswersCoverEveryExercise() throws IOException {
        assertNoProblems(WrongAnswers.check(ROOT));
    }

    @Test
    @DisplayName("every chapter has 3-5 required exercises, one of them a build-it from chapter 02 on, and one stretch")
    void everyChapterGrowsFromWarmUpToBuildIt() throws IOException {
        List<String> problems = new ArrayList<>();
        for (ExerciseCatalog.Chapter chapter : ExerciseCatalog.load(ROOT).chapters()) {
            List<ExerciseCatalog.Exercise> required = chapter.exercises().stream().filter(exercise -> !exercise.isStretch()).toList();
            long buildIts = required.stream().filter(exercise -> exercise.level().equals("build-it")).count();
            long stretch = chapter.exercises().size() - required.size();
            if (required.size() < 3 || required.size() > 5) {
                problems.add("chapter " + chapter.number() + " has " + required.size() + " required exercises; give it 3 to 5");
            }
            if (!chapter.number().equals("01") && buildIts != 1) {
                problems.add("chapter " + chapter.number() + " has " + buildIts + " build-it exercises; give it one");
            }
            if (stretch != 1) {
                problems.add("chapter " + chapter.number() + " has " + stretch + " stretch exercises; give it one");
            }
        }
        assertNoProblems(problems);
    }

    private static void assertNoProblems(List<String> problems) {
        assertThat(problems)
                .withFailMessage("%d problem(s):%n  %s", problems.size(), String.join(System.lineSeparator() + "  ", problems))
                .isEmpty();
    }
}
