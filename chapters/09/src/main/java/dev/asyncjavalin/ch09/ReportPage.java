package dev.asyncjavalin.ch09;

import dev.asyncjavalin.ch09.BarChart.Bar;
import dev.asyncjavalin.ch09.BarChart.Line;
import dev.asyncjavalin.ch09.Results.Load;
import dev.asyncjavalin.ch09.Results.Timing;
import dev.asyncjavalin.lab.bench.Format;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTML report: one self-contained page (style and charts inside it, nothing fetched from
 * anywhere), rendered with the chapter's precompiled JTE templates, which escape every value.
 */
final class ReportPage {

    private static final TemplateEngine TEMPLATES =
            TemplateEngine.createPrecompiled(null, ContentType.Html, ReportPage.class.getClassLoader(), "dev.asyncjavalin.ch09.templates");

    private ReportPage() {
    }

    // tag::render[]
    static String render(Results results) {
        StringOutput html = new StringOutput();
        TEMPLATES.render("report.jte", Map.of(
                "results", results,
                "wallChart", results.timing().map(ReportPage::wallChart),
                "throughputChart", results.load().map(ReportPage::throughputChart)), html);
        return html.toString();
    }
    // end::render[]

    /** Mean wall time per model, against the slowest call (the floor) and the sum of calls. */
    static BarChart wallChart(Timing timing) {
        List<Bar> bars = timing.rows().stream()
                .map(row -> new Bar(row.model(), row.wall().mean(), Format.ms(row.wall().mean())))
                .toList();
        return new BarChart("Mean wall time of one request (" + timing.pages() + " pages, " + timing.calls() + " requests each)", bars,
                List.of(new Line("slowest call " + Format.ms(timing.slowestCallMs()), timing.slowestCallMs()),
                        new Line("sum of calls " + Format.ms(timing.sumOfCallsMs()), timing.sumOfCallsMs())));
    }

    /** Throughput per model, against the ideal (clients / latency) and any route's own bound. */
    static BarChart throughputChart(Load load) {
        List<Bar> bars = load.rows().stream()
                .map(row -> new Bar(row.served(), row.throughput(),
                        Format.perSecond(row.throughput()) + " (" + Format.percent(row.ofIdeal(load)) + ")"))
                .toList();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("ideal " + Format.perSecond(load.ideal()), load.ideal()));
        load.rows().stream().map(Results.LoadRow::bound).filter(Double::isFinite).findFirst()
                .ifPresent(bound -> lines.add(new Line("pool / latency " + Format.perSecond(bound), bound)));
        return new BarChart("Answers per second, " + load.clients() + " clients", bars, lines);
    }
}
