package dev.asyncjavalin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FigureTest {

    @Test
    @DisplayName("0 is a PASS with one line; any finding is a FAIL that lists the first few and counts the rest")
    void verdicts() {
        Figure pass = Figure.none("auth bypasses", List.of(), "250 tried");
        List<String> many = IntStream.rangeClosed(1, 8).mapToObj(i -> "finding " + i).toList();
        Figure fail = Figure.none("auth bypasses", many, "250 tried");

        assertThat(pass.verdict()).isEqualTo(Figure.Verdict.PASS);
        assertThat(pass.lines()).singleElement().asString().startsWith("PASS").contains("0 (250 tried)", "[target 0]");
        assertThat(fail.verdict()).isEqualTo(Figure.Verdict.FAIL);
        assertThat(fail.lines()).hasSize(1 + Figure.SHOWN_FINDINGS + 1);
        assertThat(fail.lines().get(0)).startsWith("FAIL").contains("8 (250 tried)");
        assertThat(fail.lines().get(fail.lines().size() - 1)).contains("and 2 more");
    }

    @Test
    @DisplayName("a figure not taken is neither PASS nor FAIL")
    void notMeasured() {
        Figure figure = Figure.notMeasured("stop under load", "not wired yet");

        assertThat(figure.verdict()).isEqualTo(Figure.Verdict.NOT_MEASURED);
        assertThat(figure.lines().get(0)).startsWith("----").contains("not measured: not wired yet");
    }
}
