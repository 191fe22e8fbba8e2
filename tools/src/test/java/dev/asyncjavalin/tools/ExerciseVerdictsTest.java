package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asyncjavalin.tools.ExerciseCatalog.Exercise;
import dev.asyncjavalin.tools.ExerciseRun.Result;
import dev.asyncjavalin.tools.ExerciseVerdicts.Expectation;
import dev.asyncjavalin.tools.ExerciseVerdicts.Report;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseVerdictsTest {

    private static final Exercise FETCH = new Exercise("3.1", "fetch", "core", "chapters/03/Fetch.java", List.of("demo.FetchTest"), List.of());
    private static final Exercise ROWS = new Exercise("3.2", "rows", "core", "chapters/03/Rows.java", List.of("demo.RowsTest"), List.of());

    @TempDir
    Path root;

    @Test
    @DisplayName("on stubs, every exercise test failing is what we want")
    void allFailingAsExpected() {
        Report report = ExerciseVerdicts.judge("chapters/03", List.of(
                new Result(FETCH, true, List.of(), List.of("a: 1", "b: 2"), List.of()),
                new Result(ROWS, true, List.of(), List.of("c: 3"), List.of())), Expectation.FAIL);

        assertThat(report.summary()).isEqualTo("chapters/03: 3 exercise tests, all failing as expected");
        assertThat(report.exercises()).containsExactly("  [ ] 3.1 fetch  (2 of 2 tests fail)", "  [ ] 3.2 rows  (1 of 1 tests fail)");
        assertThat(report.problems()).isEmpty();
    }

    @Test
    @DisplayName("an exercise test that passes on the stub is named")
    void passingStubTestIsReported() {
        Report report = ExerciseVerdicts.judge("chapters/03", List.of(
                new Result(FETCH, true, List.of("givesItAway"), List.of("a: 1"), List.of())), Expectation.FAIL);

        assertThat(report.summary()).isEqualTo("chapters/03: 2 exercise tests, 1 of them not failing");
        assertThat(report.problems()).containsExactly("chapters/03: 3.1 givesItAway passed, expected to fail");
    }

    @Test
    @DisplayName("with solutions, a failing or skipped test is a problem, each named once")
    void passExpectation() {
        Report report = ExerciseVerdicts.judge("chapters/03", List.of(
                new Result(FETCH, true, List.of("a"), List.of("b: broke", "c: skipped (no JDK 21)"), List.of("c"))),
                Expectation.PASS);

        assertThat(report.summary()).isEqualTo("chapters/03: 3 exercise tests, 2 of them not passing");
        assertThat(report.problems()).containsExactly(
                "chapters/03: 3.1 c was skipped, expected to pass",
                "chapters/03: 3.1 b: broke, expected to pass");
    }

    @Test
    @DisplayName("an exercise whose tests did not compile or did not run is a problem for either expectation")
    void notRun() {
        List<Result> results = List.of(Result.notRun(FETCH, "test class demo.FetchTest is not compiled"));
        assertThat(ExerciseVerdicts.judge("chapters/03", results, Expectation.FAIL).problems())
                .containsExactly("chapters/03: 3.1: test class demo.FetchTest is not compiled");
        assertThat(ExerciseVerdicts.judge("chapters/03", results, Expectation.PASS).problems()).hasSize(1);
    }

    @Test
    @DisplayName("the tests run as ./course check runs them: the fixture's stub fails, its solution passes")
    void runsTheCompiledTests() throws Exception {
        FixtureCourse.create(root);
        FixtureCourse.javac().compile(root, ExerciseCatalog.load(root).chapters().subList(0, 1));
        assertThat(ExerciseVerdicts.check(root, "chapters/01", Expectation.FAIL).problems()).isEmpty();
        assertThat(ExerciseVerdicts.check(root, "chapters/01", Expectation.PASS).problems()).hasSize(1);

        FixtureCourse.write(root, FixtureCourse.STUB_FILE, FixtureCourse.SOLVED);
        FixtureCourse.javac().compile(root, ExerciseCatalog.load(root).chapters().subList(0, 1));
        assertThat(ExerciseVerdicts.check(root, "chapters/01", Expectation.PASS).problems()).isEmpty();
        assertThat(ExerciseVerdicts.check(root, "chapters/01", Expectation.FAIL).problems())
                .singleElement().asString().endsWith("passed, expected to fail");
    }

    @Test
    @DisplayName("a module that was not compiled is an error, not an empty success")
    void notCompiled() throws Exception {
        FixtureCourse.create(root);
        assertThatThrownBy(() -> ExerciseVerdicts.check(root, "chapters/01", Expectation.PASS))
                .hasMessage("chapters/01 is not compiled: run mvn install first (or mvn test-compile in it)");
    }
}
