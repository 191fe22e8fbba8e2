package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.asyncjavalin.tools.WrongAnswers.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * CI's proof that the checks are strict: every answer in {@code wrong-answers/} is rejected by its
 * exercise's check, with a message that names the mistake. Needs the solutions built ({@code mvn install}):
 * <pre>mvn -pl tools test -Pproofs -Dtest=WrongAnswersProof</pre>
 */
class WrongAnswersProof {

    /** Surefire runs a module's tests in the module's directory: the repository is one up. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TestFactory
    @Timeout(value = 20, unit = TimeUnit.MINUTES) // the whole corpus is proved before the first verdict is reported
    Stream<DynamicTest> everyWrongAnswerIsRejected() throws IOException {
        long started = System.nanoTime();
        List<Verdict> verdicts = WrongAnswers.prove(ROOT, Runtime.version().feature(), Course.PARALLEL_CHAPTERS);
        verdicts.forEach(verdict -> System.out.println(verdict.mark() + " " + verdict.answer().file() + ": " + verdict.message()));
        System.out.printf("wrong answers: %d of %d rejected with a message naming the mistake (%.1f s)%n",
                verdicts.stream().filter(verdict -> verdict.mark().equals("[x]")).count(), verdicts.size(),
                (System.nanoTime() - started) / 1e9);
        return verdicts.stream().map(verdict -> dynamicTest(verdict.answer().file(), () -> {
            assumeFalse(verdict.mark().equals("[-]"), verdict.message());
            assertThat(verdict.mark()).withFailMessage(verdict.message()).isEqualTo("[x]");
        }));
    }
}
