package dev.asyncjavalin.lab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExerciseSummaryTest {

    @Test
    @DisplayName("a short failure is kept whole, on one line")
    void shortFailureIsKeptWhole() {
        AssertionError failure = new AssertionError("[Exercise 4.2: status of /data]\nexpected: 200\n but was: 501");

        assertThat(ExerciseSummary.describe(failure)).isEqualTo("[Exercise 4.2: status of /data] expected: 200 but was: 501");
    }

    @Test
    @DisplayName("a long failure is cut after its last whole sentence, never mid-word")
    void longFailureIsCutAtASentenceEnd() {
        String sentence = "Exercise 7.1 asks for a virtual thread per call. ";
        AssertionError failure = new AssertionError(sentence.repeat(20));

        String line = ExerciseSummary.describe(failure);

        assertThat(line).endsWith("per call. …").hasSizeLessThanOrEqualTo(402);
        assertThat(line.replace(" …", "")).doesNotEndWith("Exercis");
    }
}
