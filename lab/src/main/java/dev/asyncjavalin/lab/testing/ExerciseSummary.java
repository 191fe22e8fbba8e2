package dev.asyncjavalin.lab.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, after a test run that included exercise tests, one line per exercise: solved or not,
 * and for the unsolved ones the first failure message. JUnit finds this listener through
 * {@code META-INF/services}, so every chapter's check prints it without any setup.
 *
 * <p>An exercise is a test class tagged {@code exercise} whose display name starts with its id,
 * e.g. {@code @DisplayName("3.1 fetchAll turns failures into rows")}.
 */
public final class ExerciseSummary implements TestExecutionListener {

    private final Map<String, Exercise> exercises = new LinkedHashMap<>();
    private TestPlan plan;

    private static final class Exercise {
        final String name;
        int passed;
        final List<String> failures = new ArrayList<>();

        Exercise(String name) {
            this.name = name;
        }
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        exercises.clear();
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        exerciseClassOf(test).ifPresent(exerciseClass -> {
            Exercise exercise = exercises.computeIfAbsent(exerciseClass.getUniqueId(), id -> new Exercise(exerciseClass.getDisplayName()));
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                exercise.passed++;
            } else {
                String why = result.getThrowable().map(ExerciseSummary::describe).orElse("failed");
                exercise.failures.add(test.getDisplayName() + ": " + why);
            }
        });
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (exercises.isEmpty()) {
            return;
        }
        long solved = exercises.values().stream().filter(e -> e.failures.isEmpty()).count();
        StringBuilder out = new StringBuilder("\n──── Exercises: ").append(solved).append(" of ").append(exercises.size()).append(" solved ────\n");
        List<Exercise> inOrder = new ArrayList<>(exercises.values());
        inOrder.sort(java.util.Comparator.comparing(e -> e.name)); // ids first: 1.1, 1.2, ...
        for (Exercise exercise : inOrder) {
            boolean done = exercise.failures.isEmpty();
            out.append(done ? "  [x] " : "  [ ] ").append(exercise.name);
            out.append(done ? "  (" + exercise.passed + " tests pass)" : "  (" + exercise.failures.size() + " of "
                    + (exercise.passed + exercise.failures.size()) + " tests fail)").append('\n');
            if (!done) {
                out.append("        first failure: ").append(exercise.failures.get(0)).append('\n');
            }
        }
        System.out.println(out);
    }

    private Optional<TestIdentifier> exerciseClassOf(TestIdentifier test) {
        Optional<TestIdentifier> current = Optional.of(test);
        while (current.isPresent()) {
            TestIdentifier node = current.get();
            boolean isClass = node.getSource().filter(ClassSource.class::isInstance).isPresent();
            if (isClass && node.getTags().stream().anyMatch(tag -> tag.getName().equals("exercise"))) {
                return current;
            }
            current = plan.getParent(node);
        }
        return Optional.empty();
    }

    /** A failure line longer than this is cut, at a sentence end where there is one. */
    private static final int LONGEST = 400;

    /**
     * A failure in one line for a summary: AssertJ puts the description on the first line and the
     * mismatch on the next, so the first three non-empty lines are kept. Also used by the course command.
     */
    public static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
        String oneLine = message.strip().lines().limit(3).map(String::strip).filter(line -> !line.isEmpty())
                .reduce((a, b) -> a + " " + b).orElse(failure.getClass().getName());
        if (oneLine.length() <= LONGEST) {
            return oneLine;
        }
        // cut after a whole sentence or an AssertJ description ("[Exercise 4.2: ...]"), never mid-word
        int cut = Math.max(oneLine.lastIndexOf(". ", LONGEST), oneLine.lastIndexOf("] ", LONGEST)) + 1;
        if (cut < LONGEST / 2) {
            cut = oneLine.lastIndexOf(' ', LONGEST);
        }
        return oneLine.substring(0, cut > 0 ? cut : LONGEST).strip() + " …";
    }
}
