package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.asyncjavalin.tools.ExerciseCatalog.Catalog;
import dev.asyncjavalin.tools.ExerciseCatalog.Chapter;
import dev.asyncjavalin.tools.ExerciseCatalog.Exercise;
import dev.asyncjavalin.tools.ExerciseRun.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * No flaky verdicts: the checks that wait on a deadline, a timeout or a barrier of threads pass their
 * reference solution many runs in a row, in one JVM. A check that fails a right answer now and then
 * is a wrong verdict for a learner. Needs the solutions built ({@code mvn install}):
 * <pre>mvn -q -pl tools test -Dtest=SteadyProof [-Dcourse.steadyRuns=50] [-Dcourse.steadyExercises=4.1,4.2]</pre>
 */
class SteadyProof {

    /** The exercises whose checks wait on a deadline, a timeout or a barrier of threads. */
    static final List<String> TIMING_SENSITIVE = List.of("2.3", "3.3", "3.4", "3.5", "4.1", "4.2", "4.3", "4.5", "5.3", "5.5",
            "6.2", "6.4", "6.5", "7.2", "7.3", "7.4", "8.1", "8.3");

    private static final Path ROOT = CourseRepository.ROOT;

    @TestFactory
    Stream<DynamicTest> timingSensitiveChecksPassEveryRun() throws IOException {
        Catalog catalog = ExerciseCatalog.load(ROOT);
        int runs = Integer.parseInt(System.getProperty("course.steadyRuns", "50"));
        String only = System.getProperty("course.steadyExercises", "");
        List<String> ids = only.isBlank() ? TIMING_SENSITIVE : Stream.of(only.split(",")).map(String::strip).toList();
        int jdk = Runtime.version().feature();
        // exercises that were all skipped (a chapter for a newer JDK) would leave Maven reporting success
        assertThat(ids).withFailMessage("every exercise selected needs a newer JDK than %d", jdk).anyMatch(id -> catalog.exercise(id)
                .map(exercise -> catalog.chapterOf(exercise).requiredJdk() <= jdk).orElse(true));
        // a dynamic test has no time limit of its own: 50 runs of a deadline check may take minutes
        return ids.stream().map(id -> dynamicTest(id + ": " + runs + " runs of its check", () -> {
            Exercise exercise = catalog.exercise(id).orElseThrow(() -> new AssertionError("no exercise " + id));
            Chapter chapter = catalog.chapterOf(exercise);
            if (chapter.requiredJdk() > Runtime.version().feature()) {
                // printed as well: Maven's -q hides why a test was skipped
                System.out.printf("%s: skipped, chapter %s needs JDK %d%n", id, chapter.number(), chapter.requiredJdk());
                abort("chapter " + chapter.number() + " needs JDK " + chapter.requiredJdk());
            }
            List<Path> classRoots = ExerciseRun.classRoots(ROOT, "solutions/" + chapter.number());
            long started = System.nanoTime();
            // the apps the tests start log as they start and stop: the verdict is what matters here
            Callable<List<String>> task = () -> failedRuns(chapter, exercise, classRoots, runs);
            List<String> failures = ExerciseRun.quietly(List.of(task), 1).get(0);
            System.out.printf("%s: the reference solution passed %d of %d runs of its check (%.1f s)%n",
                    id, runs - failures.size(), runs, (System.nanoTime() - started) / 1e9);
            assertThat(failures).withFailMessage("the check of %s failed a right answer:%n    %s", id,
                    String.join(System.lineSeparator() + "    ", failures)).isEmpty();
        }));
    }

    private static List<String> failedRuns(Chapter chapter, Exercise exercise, List<Path> classRoots, int runs) throws IOException {
        List<String> failures = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Result result = ExerciseRun.run(chapter.number(), List.of(exercise), classRoots).get(0);
            if (!result.done()) {
                failures.add("run " + run + ": " + result.firstFailure());
            }
        }
        return failures;
    }
}
