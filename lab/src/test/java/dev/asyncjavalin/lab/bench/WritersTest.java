package dev.asyncjavalin.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WritersTest {

    @Test
    @DisplayName("CSV: commas, quotes and line breaks quoted; numbers with a dot; NaN left empty")
    void csv() {
        assertThat(Csv.line(List.of("a,b", "say \"hi\"", "plain", Csv.number(1234.5), Csv.number(Double.NaN))))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",plain,1234.50,\n");
    }

    @Test
    @DisplayName("JSON: strings escaped by Jackson, numbers with two decimals, NaN and infinity as null")
    void json() {
        String json = Json.write(Json.object().put("note", "line one\n\"two\"")
                .set("mean", Json.number(1172)).set("p95", Json.number(Double.NaN)).set("max", Json.number(Double.POSITIVE_INFINITY)));
        assertThat(json.replaceAll("\\s+", " ")).isEqualTo("{ \"note\" : \"line one\\n\\\"two\\\"\", \"mean\" : 1172.00, \"p95\" : null, \"max\" : null }");
    }

    @Test
    @DisplayName("Format: whole ms with a thousands comma, rates, ratios and shares; n/a for NaN")
    void format() {
        assertThat(Format.ms(8450.4)).isEqualTo("8,450 ms");
        assertThat(Format.perSecond(990)).isEqualTo("990/s");
        assertThat(Format.times(7.1)).isEqualTo("7.10x");
        assertThat(Format.percent(0.5)).isEqualTo("50%");
        assertThat(Format.ms(Double.NaN)).isEqualTo("n/a");
    }
}
