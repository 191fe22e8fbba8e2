package dev.asyncjavalin.tools;

import dev.asyncjavalin.tools.ExerciseCatalog.Chapter;
import dev.asyncjavalin.tools.ExerciseRun.Result;
import dev.asyncjavalin.tools.ExerciseRun.State;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What CI promises of a chapter's exercise tests, run the way {@code ./course check} runs them (one
 * path for learners and CI, from the module's compiled classes): on the untouched stubs every exercise
 * test fails, since a test that passes there gives nothing to solve; with the solution's sources every
 * one passes.
 */
public final class ExerciseResults {

    public enum Expectation { FAIL, PASS }

    /** One line per exercise for the log, a one-line summary, and one problem per test that broke the expectation. */
    public record Report(List<String> exercises, String summary, List<String> problems) {
    }

    private ExerciseResults() {
    }

    /** Runs the exercise tests compiled in {@code module}, a directory such as {@code chapters/03}, and judges them. */
    public static Report check(Path repoRoot, String module, Expectation expected) throws IOException {
        String number = Path.of(module).getFileName().toString();
        Chapter chapter = ExerciseCatalog.load(repoRoot).chapters().stream()
                .filter(c -> c.number().equals(number)).findFirst()
                .orElseThrow(() -> new IOException(module + ": no chapter " + number + " in " + ExerciseCatalog.FILE));
        Optional<List<Path>> classRoots = ExerciseRun.classRoots(repoRoot.resolve(module));
        if (classRoots.isEmpty()) {
            String summary = module + ": not compiled (run mvn test-compile in it first)";
            return new Report(List.of(), summary, List.of(summary));
        }
        List<Result> results = ExerciseRun.quietly(() -> ExerciseRun.run(number, chapter.exercises(), classRoots.get()));
        return judge(module, results, expected);
    }

    static Report judge(String module, List<Result> results, Expectation expected) {
        List<String> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int tests = 0;
        for (Result result : results) {
            String id = result.exercise().id();
            int ran = result.passed() + result.failed();
            tests += ran;
            lines.add((result.state() == State.DONE ? "  [x] " : "  [ ] ") + id + " " + result.exercise().title()
                    + "  (" + (result.failed() == 0 ? ran + " tests pass" : result.failed() + " of " + ran + " tests fail") + ")");
            if (result.state() == State.NOT_COMPILED || ran == 0) {
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
