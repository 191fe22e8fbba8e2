package dev.asyncjavalin.tools;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.asyncjavalin.lab.testing.ExerciseSummary;
import dev.asyncjavalin.tools.ExerciseCatalog.Chapter;
import dev.asyncjavalin.tools.ExerciseCatalog.Exercise;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the exercise tests of one chapter in this JVM, from the classes Maven compiled into the
 * chapter's {@code target/classes} and {@code target/test-classes}. One JVM for the whole course
 * is what makes {@code progress} quick: no Maven run, no forked JVM per chapter.
 */
public final class ExerciseRun {

    public enum State { DONE, TODO, NOT_COMPILED }

    /**
     * {@code failures} holds every failed or skipped test's line (none when the exercise is done, so
     * {@code firstFailure} is null), {@code passes} the names of the tests that passed and {@code skips}
     * those that were skipped (CI wants to know which test passes on a stub).
     */
    public record Result(Exercise exercise, State state, int passed, int failed, List<String> failures, List<String> passes,
                         List<String> skips) {

        Result(Exercise exercise, State state, int passed, int failed, String why) {
            this(exercise, state, passed, failed, why == null ? List.of() : List.of(why), List.of(), List.of());
        }

        public String firstFailure() {
            return failures.isEmpty() ? null : failures.get(0);
        }
    }

    private ExerciseRun() {
    }

    /**
     * Runs the exercises of several chapters, a few chapters at a time: most of an exercise test's
     * time is spent waiting on a slow upstream or a deadline, not computing, so they overlap well.
     */
    public static Map<String, List<Result>> runAll(Path repoRoot, List<Chapter> chapters, int parallelism) throws IOException {
        Map<String, Callable<List<Result>>> work = new LinkedHashMap<>();
        for (Chapter chapter : chapters) {
            work.put(chapter.number(), () -> run(repoRoot, chapter));
        }
        return quietlyInParallel(work, parallelism);
    }

    /**
     * Runs the tasks a few at a time and returns their results by key, in the order given. The
     * chapters' apps log as they start and stop; the learner wants the verdict, not the logs, so
     * standard output and error are silenced meanwhile.
     */
    static <T> Map<String, T> quietlyInParallel(Map<String, Callable<T>> tasks, int parallelism) throws IOException {
        if (tasks.isEmpty()) {
            return Map.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, tasks.size())));
        Map<String, Future<T>> running = new LinkedHashMap<>();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(quiet);
        System.setErr(quiet);
        try {
            for (Map.Entry<String, Callable<T>> task : tasks.entrySet()) {
                running.put(task.getKey(), pool.submit(task.getValue()));
            }
            Map<String, T> results = new LinkedHashMap<>();
            for (Map.Entry<String, Future<T>> task : running.entrySet()) {
                results.put(task.getKey(), task.getValue().get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the exercise tests ran");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("the exercise tests could not run: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** One task, quietly. */
    static <T> T quietly(Callable<T> task) throws IOException {
        return quietlyInParallel(Map.of("", task), 1).get("");
    }

    /**
     * Runs every exercise of {@code chapter}. The chapter's classes get a class loader of their own
     * (the libraries come from this one), so chapters never see each other's classes.
     */
    public static List<Result> run(Path repoRoot, Chapter chapter) throws IOException {
        Optional<List<Path>> classRoots = classRoots(repoRoot.resolve(chapter.directory()));
        if (classRoots.isEmpty()) {
            return chapter.exercises().stream()
                    .map(exercise -> new Result(exercise, State.NOT_COMPILED, 0, 0, chapter.directory() + " is not compiled")).toList();
        }
        return run(chapter.number(), chapter.exercises(), classRoots.get());
    }

    /** A module's {@code target/classes} and {@code target/test-classes}, or empty when Maven has not compiled it. */
    static Optional<List<Path>> classRoots(Path moduleDir) {
        List<Path> roots = List.of(moduleDir.resolve("target/classes"), moduleDir.resolve("target/test-classes"));
        return roots.stream().allMatch(Files::isDirectory) ? Optional.of(roots) : Optional.empty();
    }

    /**
     * Runs {@code exercises} on the classes found in {@code classRoots}, searched in that order: a
     * folder put first (one recompiled class, say) shadows the same class further on.
     */
    public static List<Result> run(String chapterNumber, List<Exercise> exercises, List<Path> classRoots) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path root : classRoots) {
            urls.add(root.toUri().toURL());
        }
        List<Result> results = new ArrayList<>();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader("chapter-" + chapterNumber, urls.toArray(URL[]::new), ExerciseRun.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            for (Exercise exercise : exercises) {
                results.add(run(loader, exercise));
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        return results;
    }

    private static Result run(ClassLoader loader, Exercise exercise) {
        List<ClassSelector> selectors = new ArrayList<>();
        for (String test : exercise.tests()) {
            try {
                selectors.add(selectClass(Class.forName(test, false, loader)));
            } catch (ClassNotFoundException | LinkageError e) {
                return new Result(exercise, State.NOT_COMPILED, 0, 0, "test class " + test + " is not compiled");
            }
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                // the same limit as the Maven build: a test that blocks fails instead of holding the command
                .configurationParameter("junit.jupiter.execution.timeout.default", "60 s")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .build();
        // listeners found on the class path (the lab's summary for Maven runs) would print into our table
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
        Outcomes outcomes = new Outcomes();
        launcher.execute(request, outcomes);
        List<String> failures = List.copyOf(outcomes.failures.values());
        int passed = outcomes.passes.size();
        if (passed + failures.size() == 0) {
            return new Result(exercise, State.TODO, 0, 0, "no tests ran");
        }
        return new Result(exercise, failures.isEmpty() ? State.DONE : State.TODO, passed, failures.size(), failures,
                List.copyOf(outcomes.passes), List.copyOf(outcomes.skips));
    }

    /**
     * What CI promises of a chapter's exercise tests, run the way {@code ./course check} runs them (one
     * path for learners and CI, from the module's compiled classes): on the untouched stubs every exercise
     * test fails, since a test that passes there gives nothing to solve; with the solution's sources every
     * one passes.
     */
    public enum Expectation { FAIL, PASS }

    /** One line per exercise for the log, a one-line summary, and one problem per test that broke the expectation. */
    public record Report(List<String> exercises, String summary, List<String> problems) {
    }

    /** Runs the exercise tests compiled in {@code module}, a directory such as {@code chapters/03}, and judges them. */
    public static Report check(Path repoRoot, String module, Expectation expected) throws IOException {
        String number = Path.of(module).getFileName().toString();
        Chapter chapter = ExerciseCatalog.load(repoRoot).chapters().stream()
                .filter(c -> c.number().equals(number)).findFirst()
                .orElseThrow(() -> new IOException(module + ": no chapter " + number + " in " + ExerciseCatalog.FILE));
        Optional<List<Path>> classRoots = classRoots(repoRoot.resolve(module));
        if (classRoots.isEmpty()) {
            String summary = module + ": not compiled (run mvn test-compile in it first)";
            return new Report(List.of(), summary, List.of(summary));
        }
        List<Result> results = quietly(() -> run(number, chapter.exercises(), classRoots.get()));
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

    /** Counts passed tests and keeps, per failed test, its name and the first lines of why. */
    private static final class Outcomes implements TestExecutionListener {
        final Map<String, String> failures = new LinkedHashMap<>();
        final List<String> passes = new ArrayList<>();
        final List<String> skips = new ArrayList<>();

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            boolean isClass = test.getSource().filter(ClassSource.class::isInstance).isPresent();
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                if (test.isTest()) {
                    passes.add(test.getDisplayName());
                }
            } else if (test.isTest() || isClass) {
                // a class-level failure (a @BeforeAll that threw) fails every test of the class at once
                String why = result.getThrowable().map(ExerciseSummary::describe).orElse("failed");
                failures.put(test.getUniqueId(), test.getDisplayName() + ": " + why);
            }
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            if (test.isTest() || test.getSource().filter(MethodSource.class::isInstance).isPresent()) {
                failures.put(test.getUniqueId(), test.getDisplayName() + ": skipped (" + reason + ")");
                skips.add(test.getDisplayName());
            }
        }
    }
}
