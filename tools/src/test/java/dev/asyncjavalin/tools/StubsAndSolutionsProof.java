package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.tools.ExerciseVerdicts.Expectation;
import dev.asyncjavalin.tools.ExerciseVerdicts.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CI's proof for one module, run the way {@code ./course check} runs it: on a chapter's untouched stubs
 * every exercise test fails; with its solution's sources copied in, every one passes. The module must
 * be compiled first; {@code solutions/03} with {@code pass} is the quick way to see the passing side:
 * <pre>
 * mvn -q -pl chapters/03 clean test-compile
 * mvn -q -pl tools test -Dtest=StubsAndSolutionsProof -Dcourse.module=chapters/03 -Dcourse.expect=fail
 * </pre>
 */
class StubsAndSolutionsProof {

    private static final Path ROOT = CourseRepository.ROOT;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // every exercise test of the chapter, each limited to 60 s by ExerciseRun
    void exerciseTestsMeetTheExpectation() throws IOException {
        String module = System.getProperty("course.module");
        String expect = System.getProperty("course.expect", "");
        // a proof that is skipped proves nothing, and Maven's -q would not even say so
        assertThat(module).withFailMessage("name the module: -Dcourse.module=chapters/NN -Dcourse.expect=fail|pass").isNotNull();
        assertThat(expect).withFailMessage("-Dcourse.expect must be fail or pass, not '%s'", expect).matches("(?i)fail|pass");
        Report report = ExerciseVerdicts.check(ROOT, module, Expectation.valueOf(expect.toUpperCase(Locale.ROOT)));
        report.exercises().forEach(System.out::println);
        System.out.println(report.summary());
        assertThat(report.problems()).withFailMessage(String.join(System.lineSeparator(), report.problems())).isEmpty();
    }
}
