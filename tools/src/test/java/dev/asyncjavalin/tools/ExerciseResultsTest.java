package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.tools.ExerciseResults.Expectation;
import dev.asyncjavalin.tools.ExerciseResults.Outcome;
import dev.asyncjavalin.tools.ExerciseResults.Report;
import dev.asyncjavalin.tools.ExerciseResults.TestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseResultsTest {

    @TempDir
    Path root;

    /** Writes a Surefire report for one test class; each case is "name" plus an optional child element. */
    private void report(String module, String className, String... cases) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<testsuite name=\"").append(className).append("\" tests=\"").append(cases.length).append("\">\n");
        for (String testCase : cases) {
            String[] nameAndChild = testCase.split(" ", 2);
            xml.append("  <testcase name=\"").append(nameAndChild[0]).append("\" classname=\"").append(className).append("\"");
            xml.append(nameAndChild.length == 1 ? "/>\n" : ">" + nameAndChild[1] + "</testcase>\n");
        }
        xml.append("</testsuite>\n");
        Path reports = root.resolve(module).resolve("target/surefire-reports");
        Files.createDirectories(reports);
        Files.writeString(reports.resolve("TEST-" + className + ".xml"), xml);
    }

    @Test
    @DisplayName("failures, errors and skips are read from every TEST-*.xml")
    void readsOutcomes() throws IOException {
        report("chapters/03", "demo.FetchTest",
                "fails <failure message=\"expected 3\">trace</failure>",
                "errors <error type=\"ExerciseNotSolved\"/>",
                "skips <skipped/>",
                "passes <system-out>log</system-out>");

        assertThat(ExerciseResults.read(root.resolve("chapters/03"))).containsExactly(
                new TestCase("demo.FetchTest.fails", Outcome.FAILED),
                new TestCase("demo.FetchTest.errors", Outcome.FAILED),
                new TestCase("demo.FetchTest.skips", Outcome.SKIPPED),
                new TestCase("demo.FetchTest.passes", Outcome.PASSED));
    }

    @Test
    @DisplayName("on stubs, every exercise test failing is what we want")
    void allFailingAsExpected() throws IOException {
        report("chapters/03", "demo.FetchTest", "a <failure/>", "b <error/>");
        report("chapters/03", "demo.RowsTest", "c <failure/>");

        Report report = ExerciseResults.check(root, "chapters/03", Expectation.FAIL);

        assertThat(report.summary()).isEqualTo("chapters/03: 3 exercise tests, all failing as expected");
        assertThat(report.problems()).isEmpty();
    }

    @Test
    @DisplayName("an exercise test that passes on the stub is named")
    void passingStubTestIsReported() throws IOException {
        report("chapters/03", "demo.FetchTest", "a <failure/>", "givesItAway");

        Report report = ExerciseResults.check(root, "chapters/03", Expectation.FAIL);

        assertThat(report.summary()).isEqualTo("chapters/03: 2 exercise tests, 1 of them not failing");
        assertThat(report.problems()).containsExactly("chapters/03: demo.FetchTest.givesItAway passed, expected to fail");
    }

    @Test
    @DisplayName("on solutions, a failing or skipped test is a problem")
    void passExpectation() throws IOException {
        report("solutions/03", "demo.FetchTest", "a", "b <failure/>", "c <skipped/>");

        Report report = ExerciseResults.check(root, "solutions/03", Expectation.PASS);

        assertThat(report.summary()).isEqualTo("solutions/03: 3 tests, 2 of them not passing");
        assertThat(report.problems()).containsExactly(
                "solutions/03: demo.FetchTest.b failed, expected to pass",
                "solutions/03: demo.FetchTest.c was skipped, expected to pass");
    }

    @Test
    @DisplayName("no reports at all is a problem for either expectation")
    void noReports() throws IOException {
        assertThat(ExerciseResults.check(root, "chapters/03", Expectation.FAIL).problems()).hasSize(1);
        report("chapters/03", "demo.EmptyTest");
        assertThat(ExerciseResults.check(root, "chapters/03", Expectation.PASS).problems())
                .containsExactly("chapters/03: no test results in chapters/03/target/surefire-reports (run the tests first)");
    }
}
