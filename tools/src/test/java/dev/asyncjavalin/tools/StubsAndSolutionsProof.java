package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asyncjavalin.tools.ExerciseVerdicts.Expectation;
import dev.asyncjavalin.tools.ExerciseVerdicts.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CI's proof for one compiled module, run the way {@code ./course check} runs it: on a chapter's
 * untouched stubs every exercise test fails; with its solution's sources copied in, every one passes.
 * <pre>mvn -pl tools test -Pproofs -Dtest=StubsAndSolutionsProof -Dcourse.module=chapters/03 -Dcourse.expect=fail</pre>
 */
class StubsAndSolutionsProof {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // every exercise test of the chapter, each limited to 60 s by ExerciseRun
    void exerciseTestsMeetTheExpectation() throws IOException {
        String module = System.getProperty("course.module");
        String expect = System.getProperty("course.expect", "");
        assumeTrue(module != null, "no -Dcourse.module=chapters/NN given");
        assertThat(expect).withFailMessage("-Dcourse.expect must be fail or pass, not '%s'", expect).matches("(?i)fail|pass");
        Report report = ExerciseVerdicts.check(ROOT, module, Expectation.valueOf(expect.toUpperCase(Locale.ROOT)));
        report.exercises().forEach(System.out::println);
        System.out.println(report.summary());
        assertThat(report.problems()).withFailMessage(String.join(System.lineSeparator(), report.problems())).isEmpty();
    }
}
