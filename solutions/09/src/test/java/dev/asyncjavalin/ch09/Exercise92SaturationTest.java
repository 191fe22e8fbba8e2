package dev.asyncjavalin.ch09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.asyncjavalin.ch09.Saturation.LoadPoint;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("9.2 where the blocking route saturates")
class Exercise92SaturationTest {

    // tag::knee[]
    @Test
    @DisplayName("throughput that levels off at 110/s saturates at 20 clients, the first at 90% of the ceiling")
    void levelsOff() {
        List<LoadPoint> sweep = List.of(new LoadPoint(5, 25), new LoadPoint(10, 50), new LoadPoint(20, 100),
                new LoadPoint(40, 110), new LoadPoint(80, 109));
        assertThat(Saturation.knee(sweep)).as("Exercise 9.2: the knee of a sweep that levels off").contains(new LoadPoint(20, 100));
    }
    // end::knee[]

    @Test
    @DisplayName("a point just under 90% of the ceiling is not yet the knee")
    void justUnder() {
        List<LoadPoint> sweep = List.of(new LoadPoint(10, 89.9), new LoadPoint(20, 100), new LoadPoint(40, 100));
        assertThat(Saturation.knee(sweep)).as("Exercise 9.2: 89.9 is under 90% of 100").contains(new LoadPoint(20, 100));
    }

    @Test
    @DisplayName("a point at exactly 90% of the ceiling is the knee")
    void exactlyNinetyPercent() {
        List<LoadPoint> sweep = List.of(new LoadPoint(10, 90), new LoadPoint(20, 100), new LoadPoint(40, 100));
        assertThat(Saturation.knee(sweep)).as("Exercise 9.2: 90 is 90% of 100, so 10 clients already reach it"
                + " (at least 90%: >=, not >)").contains(new LoadPoint(10, 90));
    }

    @Test
    @DisplayName("90% is a share of the ceiling, whatever its scale: of 1000/s it is 900/s")
    void anyScale() {
        List<LoadPoint> sweep = List.of(new LoadPoint(5, 250), new LoadPoint(10, 920), new LoadPoint(20, 990),
                new LoadPoint(40, 1000), new LoadPoint(80, 995));
        assertThat(Saturation.knee(sweep)).as("Exercise 9.2: with a ceiling of 1000/s the knee is the first point at 900/s"
                + " or more; the threshold is 90% of the ceiling, not a fixed number of requests per second below it")
                .contains(new LoadPoint(10, 920));
    }

    @Test
    @DisplayName("the ceiling is the highest point, even when an overloaded server falls back afterwards")
    void fallsBackAfterThePeak() {
        List<LoadPoint> sweep = List.of(new LoadPoint(5, 25), new LoadPoint(10, 70), new LoadPoint(20, 100),
                new LoadPoint(40, 110), new LoadPoint(80, 70));
        assertThat(Saturation.knee(sweep)).as("Exercise 9.2: the ceiling is the highest throughput (110/s at 40 clients),"
                + " not the last point's (70/s at 80): 90% of it is 99/s, first reached at 20 clients")
                .contains(new LoadPoint(20, 100));
    }

    @Test
    @DisplayName("the highest point may be the last one and the sweep still levelled off before it")
    void levelledOffAlthoughTheLastIsHighest() {
        List<LoadPoint> sweep = List.of(new LoadPoint(5, 25), new LoadPoint(10, 50), new LoadPoint(20, 100),
                new LoadPoint(40, 108), new LoadPoint(80, 110));
        assertThat(Saturation.knee(sweep)).as("Exercise 9.2: 110/s at the last point is the ceiling, but 20 clients already"
                + " reached 90% of it; 'still rising' means the knee itself is the last point, not that the last point is the highest")
                .contains(new LoadPoint(20, 100));
    }

    @Test
    @DisplayName("the order of the points does not matter: they are taken by number of clients")
    void anyOrder() {
        List<LoadPoint> sweep = List.of(new LoadPoint(80, 109), new LoadPoint(20, 100), new LoadPoint(5, 25),
                new LoadPoint(40, 110), new LoadPoint(10, 50));
        assertThat(Saturation.knee(sweep)).as("Exercise 9.2: an unsorted sweep").contains(new LoadPoint(20, 100));
    }

    @Test
    @DisplayName("throughput still rising at the last point: no knee within the sweep")
    void stillRising() {
        List<LoadPoint> sweep = List.of(new LoadPoint(5, 25), new LoadPoint(10, 50), new LoadPoint(20, 100), new LoadPoint(40, 200));
        assertThat(Saturation.knee(sweep)).as("Exercise 9.2: a sweep that never levels off").isEmpty();
    }

    @Test
    @DisplayName("an empty sweep is refused with a clear message")
    void emptySweep() {
        assertThatExceptionOfType(IllegalArgumentException.class).as("Exercise 9.2: an empty sweep must be refused")
                .isThrownBy(() -> Saturation.knee(List.of()));
    }
}
