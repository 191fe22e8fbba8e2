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

    /** {@code firstFailure} is null when the exercise is done. */
    public record Result(Exercise exercise, State state, int passed, int failed, String firstFailure) {
    }

    private ExerciseRun() {
    }

    /**
     * Runs the exercises of several chapters, a few chapters at a time: most of an exercise test's
     * time is spent waiting on a slow upstream or a deadline, not computing, so they overlap well.
     */
    public static Map<String, List<Result>> runAll(Path repoRoot, List<Chapter> chapters, int parallelism) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, chapters.size())));
        Map<String, Future<List<Result>>> running = new LinkedHashMap<>();
        PrintStream out = System.out;
        PrintStream err = System.err;
        // the chapters' apps log as they start and stop; the learner wants the verdict, not the logs
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(quiet);
        System.setErr(quiet);
        try {
            for (Chapter chapter : chapters) {
                running.put(chapter.number(), pool.submit(() -> run(repoRoot, chapter)));
            }
            Map<String, List<Result>> results = new LinkedHashMap<>();
            for (Map.Entry<String, Future<List<Result>>> chapter : running.entrySet()) {
                results.put(chapter.getKey(), chapter.getValue().get());
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

    /**
     * Runs every exercise of {@code chapter}. The chapter's classes get a class loader of their own
     * (the libraries come from this one), so chapters never see each other's classes.
     */
    public static List<Result> run(Path repoRoot, Chapter chapter) throws IOException {
        Path chapterDir = repoRoot.resolve(chapter.directory());
        Path classes = chapterDir.resolve("target/classes");
        Path testClasses = chapterDir.resolve("target/test-classes");
        List<Result> results = new ArrayList<>();
        if (!Files.isDirectory(classes) || !Files.isDirectory(testClasses)) {
            for (Exercise exercise : chapter.exercises()) {
                results.add(new Result(exercise, State.NOT_COMPILED, 0, 0, chapter.directory() + " is not compiled"));
            }
            return results;
        }
        URL[] urls = {classes.toUri().toURL(), testClasses.toUri().toURL()};
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader("chapter-" + chapter.number(), urls, ExerciseRun.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            for (Exercise exercise : chapter.exercises()) {
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
        if (outcomes.passed + outcomes.failures.size() == 0) {
            return new Result(exercise, State.TODO, 0, 0, "no tests ran");
        }
        if (outcomes.failures.isEmpty()) {
            return new Result(exercise, State.DONE, outcomes.passed, 0, null);
        }
        return new Result(exercise, State.TODO, outcomes.passed, outcomes.failures.size(),
                outcomes.failures.values().iterator().next());
    }

    /** Counts passed tests and keeps, per failed test, its name and the first lines of why. */
    private static final class Outcomes implements TestExecutionListener {
        int passed;
        final Map<String, String> failures = new LinkedHashMap<>();

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            boolean isClass = test.getSource().filter(ClassSource.class::isInstance).isPresent();
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                if (test.isTest()) {
                    passed++;
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
            }
        }
    }
}
