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
import java.util.Map;
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

    /**
     * What one exercise's tests did: the names of those that passed, one line per test that failed
     * or was skipped, and the names of the skipped ones (CI wants to know which). {@code ran} is false
     * when no test ran, because its test classes are not compiled or hold no test: {@code failures}
     * then says why.
     */
    public record Result(Exercise exercise, boolean ran, List<String> passes, List<String> failures, List<String> skips) {

        static Result notRun(Exercise exercise, String why) {
            return new Result(exercise, false, List.of(), List.of(why), List.of());
        }

        public boolean done() {
            return ran && failures.isEmpty();
        }

        public int passed() {
            return passes.size();
        }

        public int failed() {
            return ran ? failures.size() : 0;
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
    public static List<Result> runAll(Path repoRoot, List<Chapter> chapters, int parallelism) throws IOException {
        List<Callable<List<Result>>> tasks = new ArrayList<>();
        for (Chapter chapter : chapters) {
            tasks.add(() -> {
                try {
                    return run(chapter.number(), chapter.exercises(), classRoots(repoRoot, chapter.directory()));
                } catch (IOException notCompiled) {
                    // one chapter without its classes is that chapter's problem: the others still run
                    return chapter.exercises().stream().map(exercise -> Result.notRun(exercise, notCompiled.getMessage())).toList();
                }
            });
        }
        return quietly(tasks, parallelism).stream().flatMap(List::stream).toList();
    }

    /**
     * Runs the tasks a few at a time and returns their results in order. The chapters' apps log as
     * they start and stop; the learner wants the verdict, not the logs, so standard output and error
     * are silenced meanwhile.
     */
    static <T> List<T> quietly(List<Callable<T>> tasks, int parallelism) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(quiet);
        System.setErr(quiet);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : pool.invokeAll(tasks)) {
                results.add(result.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the exercise tests ran");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException("the exercise tests could not run: " + cause, cause);
        } finally {
            pool.shutdownNow();
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** A module's {@code target/classes} and {@code target/test-classes}, e.g. for {@code module} "solutions/03". */
    static List<Path> classRoots(Path repoRoot, String module) throws IOException {
        Path target = repoRoot.resolve(module).resolve("target");
        List<Path> roots = List.of(target.resolve("classes"), target.resolve("test-classes"));
        if (!roots.stream().allMatch(Files::isDirectory)) {
            throw new IOException(module + " is not compiled: run mvn install first (or mvn test-compile in it)");
        }
        return roots;
    }

    /**
     * Runs {@code exercises} on the classes found in {@code classRoots}, searched in that order: a
     * folder put first (one recompiled class, say) shadows the same class further on. The chapter's
     * classes get a class loader of their own (the libraries come from this one), so chapters never
     * see each other's classes.
     */
    public static List<Result> run(String chapterNumber, List<Exercise> exercises, List<Path> classRoots) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path root : classRoots) {
            urls.add(root.toUri().toURL());
        }
        List<Result> results = new ArrayList<>();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader libraries = ExerciseRun.class.getClassLoader();
        try (URLClassLoader loader = new URLClassLoader("chapter-" + chapterNumber, urls.toArray(URL[]::new), libraries)) {
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
                return Result.notRun(exercise, "test class " + test + " is not compiled");
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
        if (outcomes.passes.isEmpty() && outcomes.failures.isEmpty()) {
            return Result.notRun(exercise, "no tests ran");
        }
        List<String> failures = List.copyOf(outcomes.failures.values());
        return new Result(exercise, true, List.copyOf(outcomes.passes), failures, List.copyOf(outcomes.skips));
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
