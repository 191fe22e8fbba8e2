package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.asyncjavalin.tools.WrongAnswers.Verdict;
import dev.asyncjavalin.tools.WrongAnswers.WrongAnswer;
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
 * exercise's check, with a message that names the mistake. Needs the solutions built ({@code mvn install});
 * {@code -Dcourse.wrongAnswers=4.2-} proves only the files whose name contains it:
 * <pre>mvn -q -pl tools test -Dtest=WrongAnswersProof [-Dcourse.wrongAnswers=4.2-join]</pre>
 */
class WrongAnswersProof {

    private static final Path ROOT = CourseRepository.ROOT;

    @TestFactory
    @Timeout(value = 20, unit = TimeUnit.MINUTES) // the whole corpus is proved before the first verdict is reported
    Stream<DynamicTest> everyWrongAnswerIsRejected() throws IOException {
        String only = System.getProperty("course.wrongAnswers", "");
        List<WrongAnswer> answers = WrongAnswers.load(ROOT).stream().filter(answer -> answer.file().contains(only)).toList();
        assertThat(answers).withFailMessage("no file in %s/ whose name contains '%s'", WrongAnswers.DIRECTORY, only).isNotEmpty();
        long started = System.nanoTime();
        List<Verdict> verdicts = WrongAnswers.prove(ROOT, answers, Runtime.version().feature(), Course.PARALLEL_CHAPTERS);
        verdicts.forEach(verdict -> System.out.println(verdict.mark() + " " + verdict.answer().file() + ": " + verdict.message()));
        System.out.printf("wrong answers: %d of %d rejected with a message naming the mistake (%.1f s)%n",
                verdicts.stream().filter(verdict -> verdict.mark().equals("[x]")).count(), verdicts.size(),
                (System.nanoTime() - started) / 1e9);
        // answers that were all skipped (a chapter for a newer JDK) would leave Maven reporting success
        assertThat(verdicts).withFailMessage("every answer selected was skipped on JDK %d", Runtime.version().feature())
                .anyMatch(verdict -> !verdict.mark().equals("[-]"));
        return verdicts.stream().map(verdict -> dynamicTest(verdict.answer().file(), () -> {
            assumeFalse(verdict.mark().equals("[-]"), verdict.message());
            assertThat(verdict.mark()).withFailMessage("%s: %s", verdict.answer().file(), verdict.message()).isEqualTo("[x]");
        }));
    }
}
