package dev.asyncjavalin.tools;

import dev.asyncjavalin.tools.ExerciseCatalog.Catalog;
import dev.asyncjavalin.tools.ExerciseCatalog.Chapter;
import dev.asyncjavalin.tools.ExerciseCatalog.Exercise;
import dev.asyncjavalin.tools.ExerciseRun.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs the checks of the exercises whose tests involve deadlines, timeouts or many threads on their
 * reference solutions, many times in a row in one JVM, and fails if a single run fails: a check
 * that a right answer fails now and then is a wrong verdict for a learner. Needs solutions built.
 *
 * <pre>mvn -q -pl tools exec:java -Dcourse.mainClass=dev.asyncjavalin.tools.Steady -Dexec.args="--runs 50 4.1"</pre>
 */
public final class Steady {

    /** The exercises whose checks wait on a deadline, a timeout or a barrier of threads. */
    static final List<String> TIMING_SENSITIVE = List.of("2.3", "3.3", "3.4", "3.5", "4.1", "4.2", "4.3", "4.5", "5.3", "5.5",
            "6.2", "6.4", "6.5", "7.2", "7.3", "7.4", "8.1", "8.3");

    private Steady() {
    }

    public static void main(String[] args) throws IOException {
        List<String> exercises = new ArrayList<>();
        int runs = 50;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs") && i + 1 < args.length) {
                runs = Integer.parseInt(args[++i]);
            } else {
                exercises.add(args[i]);
            }
        }
        Path root = Course.defaultRoot(Path.of("").toAbsolutePath());
        int status = run(root, exercises.isEmpty() ? TIMING_SENSITIVE : exercises, runs);
        System.out.flush();
        // the chapters' tests ran in this JVM: a thread one of them left behind must not keep exec:java waiting
        System.exit(status);
    }

    static int run(Path root, List<String> ids, int runs) throws IOException {
        Catalog catalog = ExerciseCatalog.load(root);
        int jdk = Runtime.version().feature();
        Map<String, List<String>> failuresById = new LinkedHashMap<>();
        for (String id : ids) {
            Exercise exercise = catalog.exercise(id).orElseThrow(() -> new IllegalArgumentException("no exercise " + id));
            Chapter chapter = catalog.chapter(exercise.chapterNumber()).orElseThrow();
            if (chapter.requiredJdk() > jdk) {
                System.out.printf("%s: skipped, chapter %s needs JDK %d%n", id, chapter.number(), chapter.requiredJdk());
                continue;
            }
            List<Path> classRoots = ExerciseRun.classRoots(root, "solutions/" + chapter.number());
            long started = System.nanoTime();
            // the apps the tests start log as they start and stop: the verdict is what matters here
            List<Callable<List<String>>> task = List.of(() -> failedRuns(chapter, exercise, classRoots, runs));
            List<String> failures = ExerciseRun.quietly(task, 1).get(0);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%s: the reference solution passed %d of %d runs of its check (%.1f s)%n",
                    id, runs - failures.size(), runs, seconds);
            failures.forEach(failure -> System.out.println("    " + failure));
            if (!failures.isEmpty()) {
                failuresById.put(id, failures);
            }
        }
        if (!failuresById.isEmpty()) {
            System.out.println("FAILED: a check failed a right answer in " + failuresById.keySet());
            return 1;
        }
        return 0;
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
