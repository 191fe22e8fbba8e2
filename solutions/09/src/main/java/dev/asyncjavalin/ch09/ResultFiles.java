package dev.asyncjavalin.ch09;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a run's results go: a CSV for a spreadsheet, JSON for programs, and the HTML report the app serves. */
final class ResultFiles {

    private ResultFiles() {
    }

    // tag::write[]
    static void write(Results results, Path directory, PrintStream out) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("results.csv"), ResultsCsv.write(results));
            Files.writeString(directory.resolve("results.json"), ResultsJson.write(results));
            Files.writeString(directory.resolve(App.REPORT_FILE), ReportPage.render(results));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the results to " + directory.toAbsolutePath(), e);
        }
        out.printf("%nWritten: %s/{results.csv, results.json, %s}%n", directory.toAbsolutePath().normalize(), App.REPORT_FILE);
        out.println("See the report: open the file, or run the app (mvn -pl chapters/09 exec:java) and open http://localhost:7070/report");
    }
    // end::write[]
}
