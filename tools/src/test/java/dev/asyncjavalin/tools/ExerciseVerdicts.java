package dev.asyncjavalin.tools;

import dev.asyncjavalin.tools.ExerciseCatalog.Chapter;
import dev.asyncjavalin.tools.ExerciseRun.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * What CI promises of a chapter's exercise tests, run the way {@code ./course check} runs them (one
 * path for learners and CI, from the module's compiled classes): on the untouched stubs every exercise
 * test fails, since a test that passes there gives nothing to solve; with the solution's sources every
 * one passes. {@link StubsAndSolutionsProof} holds a module to it.
 */
final class ExerciseVerdicts {

    enum Expectation { FAIL, PASS }

    /** One line per exercise for the log, a one-line summary, and one problem per test that broke the expectation. */
    record Report(List<String> exercises, String summary, List<String> problems) {
    }

    private ExerciseVerdicts() {
    }

    /** Runs the exercise tests compiled in {@code module}, a directory such as {@code chapters/03}, and judges them. */
    static Report check(Path repoRoot, String module, Expectation expected) throws IOException {
        String number = Path.of(module).getFileName().toString();
        Chapter chapter = ExerciseCatalog.load(repoRoot).chapter(number)
                .orElseThrow(() -> new IOException(module + ": no chapter " + number + " in " + ExerciseCatalog.FILE));
        List<Path> classRoots = ExerciseRun.classRoots(repoRoot, module);
        Callable<List<Result>> task = () -> ExerciseRun.run(number, chapter.exercises(), classRoots);
        return judge(module, ExerciseRun.quietly(List.of(task), 1).get(0), expected);
    }

    static Report judge(String module, List<Result> results, Expectation expected) {
        List<String> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int tests = 0;
        for (Result result : results) {
            String id = result.exercise().id();
            int ran = result.passed() + result.failed();
            tests += ran;
            lines.add((result.done() ? "  [x] " : "  [ ] ") + result.exercise().name()
                    + "  (" + (result.failed() == 0 ? ran + " tests pass" : result.failed() + " of " + ran + " tests fail") + ")");
            if (!result.ran()) {
                problems.add(module + ": " + id + ": " + result.firstFailure());
                continue;
            }
            result.skips().forEach(test -> problems.add(module + ": " + id + " " + test + " was skipped, expected to "
                    + expected.name().toLowerCase(Locale.ROOT)));
            if (expected == Expectation.FAIL) {
                result.passes().forEach(test -> problems.add(module + ": " + id + " " + test + " passed, expected to fail"));
            } else {
                result.failures().stream().filter(failure -> result.skips().stream().noneMatch(failure::startsWith))
                        .forEach(failure -> problems.add(module + ": " + id + " " + failure + ", expected to pass"));
            }
        }
        // only the exercise tests run, against stubs or solutions alike
        String wanted = expected == Expectation.FAIL ? "failing" : "passing";
        String verdict = problems.isEmpty() ? "all " + wanted + " as expected" : problems.size() + " of them not " + wanted;
        return new Report(lines, module + ": " + tests + " exercise tests, " + verdict, problems);
    }
}
