package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.asyncjavalin.tools.ExerciseCatalog.Exercise;
import dev.asyncjavalin.tools.ExerciseRegions.Region;
import dev.asyncjavalin.tools.ExerciseRun.Result;
import dev.asyncjavalin.tools.WrongAnswers.Verdict;
import dev.asyncjavalin.tools.WrongAnswers.WrongAnswer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrongAnswersTest {

    private static final String ANSWER = """
            exercise: 4.2
            why: join() holds a thread
            expect: held a thread
            ---
                    ctx.async(() -> ctx.result(load().join()));
            """;
    private static final Exercise EXERCISE = new Exercise("4.2", "title", "core", "chapters/04/App.java", List.of("T"), List.of());

    @Test
    @DisplayName("a wrong answer file gives its exercise, why, expected message and body")
    void parsesAnAnswer() throws IOException {
        WrongAnswer answer = WrongAnswers.parse("wrong-answers/4.2-join.txt", ANSWER);

        assertThat(answer.exercise()).isEqualTo("4.2");
        assertThat(answer.why()).isEqualTo("join() holds a thread");
        assertThat(answer.expect()).isEqualTo("held a thread");
        assertThat(answer.body()).containsExactly("        ctx.async(() -> ctx.result(load().join()));");
    }

    @Test
    @DisplayName("a file without expect:, without an answer, or with another key, is refused with its name")
    void refusesIncompleteFiles() {
        String expected = "w.txt: expected the lines 'exercise: N.M', 'why: ...' and 'expect: ...', then '---' and the answer";
        assertThatThrownBy(() -> WrongAnswers.parse("w.txt", ANSWER.replace("expect: held a thread\n", ""))).hasMessage(expected);
        assertThatThrownBy(() -> WrongAnswers.parse("w.txt", ANSWER.replace("expect: held a thread", "expect: "))).hasMessage(expected);
        assertThatThrownBy(() -> WrongAnswers.parse("w.txt", "exercise: 4.2\nwhy: x\nexpect: y\n---\n")).hasMessage(expected);
        assertThatThrownBy(() -> WrongAnswers.parse("w.txt", ANSWER.replace("exercise:", "exercize:"))).hasMessage(expected);
    }

    @Test
    @DisplayName("a CRLF file reads like an LF file")
    void crlf() throws IOException {
        WrongAnswer answer = WrongAnswers.parse("w.txt", ANSWER.replace("\n", "\r\n"));
        assertThat(answer.why()).isEqualTo("join() holds a thread");
        assertThat(answer.body()).containsExactly("        ctx.async(() -> ctx.result(load().join()));");
    }

    @Test
    @DisplayName("the answer replaces exactly the lines between the region's markers")
    void replacesTheRegionBody() {
        String text = "a\n// EXERCISE 4.2: x\nold 1\nold 2\n// END EXERCISE 4.2\nz\n";
        Region region = new Region("4.2", Path.of("App.java"), 2, 5);

        assertThat(WrongAnswers.replaceBody(text, region, List.of("new")))
                .isEqualTo("a\n// EXERCISE 4.2: x\nnew\n// END EXERCISE 4.2\nz\n");
    }

    @Test
    @DisplayName("an answer the check accepts, or rejects without naming the mistake, is a problem")
    void judgesTheCheck() throws IOException {
        WrongAnswer answer = WrongAnswers.parse("wrong-answers/4.2-join.txt", ANSWER);

        Verdict accepted = WrongAnswers.judge(answer, new Result(EXERCISE, true, List.of("a", "b", "c"), List.of(), List.of()));
        assertThat(accepted.mark()).isEqualTo("[!]");
        assertThat(accepted.message()).contains("ACCEPTED by the check of 4.2 (3 tests pass)", "join() holds a thread");
        Verdict unnamed = WrongAnswers.judge(answer, new Result(EXERCISE, true, List.of("a", "b"), List.of("t: status 500"), List.of()));
        assertThat(unnamed.mark()).isEqualTo("[!]");
        assertThat(unnamed.message()).contains("no failure names the mistake ('held a thread')");
        Result failures = new Result(EXERCISE, true, List.of("a"), List.of("t: status 500", "u: the answer held a thread"), List.of());
        Verdict named = WrongAnswers.judge(answer, failures);
        assertThat(named.mark()).isEqualTo("[x]");
        assertThat(named.message()).isEqualTo("u: the answer held a thread");
    }

    @Test
    @DisplayName("an unbuilt solution is each answer's problem, not the end of the run")
    void unbuiltSolution(@TempDir Path root) throws Exception {
        FixtureCourse.create(root);
        FixtureCourse.write(root, "wrong-answers/1.1-a.txt", "exercise: 1.1\nwhy: a\nexpect: a\n---\n        return \"a\";\n");
        FixtureCourse.write(root, "wrong-answers/1.1-b.txt", "exercise: 1.1\nwhy: b\nexpect: b\n---\n        return \"b\";\n");

        assertThat(WrongAnswers.prove(root, WrongAnswers.load(root), 17, 1)).extracting(verdict -> verdict.answer().file(), Verdict::message)
                .containsExactly(
                        tuple("wrong-answers/1.1-a.txt", "solutions/01 is not compiled: run mvn install first (or mvn test-compile in it)"),
                        tuple("wrong-answers/1.1-b.txt", "solutions/01 is not compiled: run mvn install first (or mvn test-compile in it)"));
    }
}
