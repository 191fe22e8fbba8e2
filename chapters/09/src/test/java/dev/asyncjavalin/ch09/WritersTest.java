package dev.asyncjavalin.ch09;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.ch09.Results.Load;
import dev.asyncjavalin.ch09.Results.LoadRow;
import dev.asyncjavalin.ch09.Results.Sweep;
import dev.asyncjavalin.ch09.Results.Timing;
import dev.asyncjavalin.ch09.Results.TimingRow;
import dev.asyncjavalin.ch09.Saturation.LoadPoint;
import dev.asyncjavalin.ch09.Statistics.Summary;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The three writers, on fixed results: no benchmark runs here. */
class WritersTest {

    private static final Summary SYNC_WALL = new Summary(2, 8450, 8450, 8460, 8460, 8440, 8460);
    private static final Summary ASYNC_WALL = new Summary(2, 1190, 1190, 1200, 1200, 1180, 1200);
    /** What an unsolved exercise 9.1 leaves: no percentiles. */
    private static final Summary NO_PERCENTILES = new Summary(3, 1010, 1005, Double.NaN, Double.NaN, 1001, 1030);

    static Results fixedResults(String note) {
        Timing timing = new Timing(10, 2, 1172, 8405, List.of(
                new TimingRow("sync", "/sync_get_urls", List.of(8440.0, 8460.0), SYNC_WALL, 1.0, 1, 9),
                new TimingRow("async", "/async_get_urls_v2", List.of(1180.0, 1200.0), ASYNC_WALL, 8450.0 / 1190, 2, 19)));
        Load load = new Load(1000, 5000, 1000, 1000, List.of(
                new LoadRow("upstream alone, \"direct\"", "", "-", 990, NO_PERCENTILES, 6000, 0, "", Double.NaN, 30, 0, 0),
                new LoadRow("sync", "/sync_get_urls", "a pool of 200 platform threads", 197, NO_PERCENTILES, 1500, 2,
                        "java.net.SocketTimeoutException: timeout", 198, 20, 202, 3)));
        Sweep sweep = new Sweep("/sync_get_urls", 24, 22, 200, 110, List.of(new LoadPoint(5, 25), new LoadPoint(20, 100), new LoadPoint(40, 110)),
                Optional.of(new LoadPoint(20, 100)), "");
        return new Results("2026-11-25T10:00:00Z", "17.0.15", 2, 1.5, Optional.of(timing), Optional.of(load), Optional.of(sweep), List.of(note));
    }

    // tag::csv[]
    @Test
    @DisplayName("CSV: a header, one line per row, commas quoted, numbers with a dot, empty cells for what was not computed")
    void csv() {
        List<String> lines = ResultsCsv.write(fixedResults("")).lines().toList();

        assertThat(lines.get(0)).isEqualTo(String.join(",", ResultsCsv.COLUMNS));
        assertThat(lines).hasSize(1 + 2 + 2 + 3);
        assertThat(lines.get(1)).isEqualTo("table,sync,/sync_get_urls,1,2,8450.00,8450.00,8460.00,8460.00,8460.00,1.00,,,,,1.00,9,");
        assertThat(lines.get(3)).startsWith("load,\"upstream alone, \"\"direct\"\"\",,1000,6000,1010.00,1005.00,,,1030.00,,990.00,1000.00,,0");
        assertThat(lines.get(4)).endsWith(",197.00,1000.00,198.00,2,20.00,202,3");

        assertThat(lines.get(6)).isEqualTo("sweep,pool of 24,/sync_get_urls,20,,,,,,,,100.00,,110.00,,,,");
    }
    // end::csv[]

    @Test
    @DisplayName("JSON: every part, strings escaped, NaN written as null")
    void json() {
        String json = ResultsJson.write(fixedResults("line one\nline \"two\""));
        JsonNode read = JsonMapper.builder().build().readTree(json); // parses: escaping and nesting are right

        assertThat(read.get("measuredAt").asString()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(read.at("/timing/slowestCallMs").decimalValue()).isEqualByComparingTo("1172.00");
        assertThat(read.at("/timing/bound").toString()).isEqualTo("7.17");
        assertThat(read.at("/timing/rows/0/wallMs").toString()).isEqualTo("[8440.0,8460.0]");
        assertThat(read.at("/timing/rows/1/appThreads").asInt()).isEqualTo(19);
        assertThat(json).as("numbers with two decimals").contains("8440.00", "1172.00");
        assertThat(read.at("/load/rows/0/served").asString()).isEqualTo("upstream alone, \"direct\"");
        assertThat(read.at("/load/rows/0/latencyMs/p95").isNull()).isTrue();
        assertThat(read.at("/load/rows/0/boundPerSecond").isNull()).isTrue();
        assertThat(read.at("/load/rows/1/appThreads").asInt()).isEqualTo(202);
        assertThat(read.at("/sweep/knee").toString()).isEqualTo("{\"clients\":20,\"throughputPerSecond\":100.0}");
        assertThat(read.at("/notes/0").asString()).isEqualTo("line one\nline \"two\"");
    }

    @Test
    @DisplayName("a part that did not run is null in JSON and absent from CSV")
    void missingParts() {
        Results tableOnly = new Results("t", "17", 2, Double.NaN, fixedResults("").timing(), Optional.empty(), Optional.empty(), List.of());
        JsonNode read = JsonMapper.builder().build().readTree(ResultsJson.write(tableOnly));
        assertThat(List.of(read.get("load"), read.get("sweep"), read.get("loadAverageBefore"))).allMatch(JsonNode::isNull);
        assertThat(ResultsCsv.write(tableOnly).lines()).hasSize(3);
    }

    // tag::html[]
    @Test
    @DisplayName("HTML: the tables, two SVG charts, every value escaped, nothing fetched from anywhere")
    void html() {
        String html = ReportPage.render(fixedResults("<script>alert('x')</script>"));

        assertThat(html).contains("<tr class=\"timing-row\" data-model=\"sync\">", "<tr class=\"load-row\" data-served=\"sync\">",
                "7.17x", "8,450 ms", "n/a", "Saturated at <strong>20 clients</strong>", "<td class=\"num\">202</td>");
        assertThat(html.split("<svg ", -1)).hasSize(3); // two charts
        assertThat(html).contains("&lt;script&gt;alert(").doesNotContain("<script>");
        assertThat(html).contains("first error: java.net.SocketTimeoutException: timeout");
        assertThat(html).doesNotContain("http://", "https://", "src=", "<link");
    }
    // end::html[]

    @Test
    @DisplayName("a bar chart scales its longest bar or line to the plot's width, and draws no bar for NaN")
    void chartGeometry() {
        BarChart chart = new BarChart("t", List.of(new BarChart.Bar("a", 100, "100"), new BarChart.Bar("b", Double.NaN, "n/a")),
                List.of(new BarChart.Line("ideal", 200)));
        assertThat(chart.barLength(chart.bars().get(0))).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", 100 / (200 * 1.05) * 420));
        assertThat(chart.barLength(chart.bars().get(1))).isEqualTo("0.0");
        assertThat(chart.barY(1) - chart.barY(0)).isEqualTo(30);
    }
}
