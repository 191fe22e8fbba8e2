package dev.asyncjavalin.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exercise regions of a source file: the lines between two marker comments, the stub in
 * {@code chapters/NN} and the answer in {@code solutions/NN}:
 * <pre>
 * // EXERCISE 3.1: fetchAll turns failures into rows
 * ...the stub in chapters/03, the answer in solutions/03...
 * // END EXERCISE 3.1
 * </pre>
 * Any comment syntax works ({@code <%-- EXERCISE 1.1 ... --%>} in templates): only the words and
 * the id matter. {@code ./course reset} puts a region back; tools' tests hold chapters and solutions
 * to differing only inside them (ExerciseRegionsCheck).
 */
public final class ExerciseRegions {

    /**
     * One exercise region. {@code file} is relative to the chapter (or solution) directory, so the
     * same region has the same file on both sides; the lines are those of its two marker lines, from 1.
     */
    public record Region(String id, Path file, int startLine, int endLine) {
    }

    private static final Pattern START = Pattern.compile("(?<!END )\\bEXERCISE\\s+(\\d+\\.\\d+)\\b");
    private static final Pattern END = Pattern.compile("\\bEND EXERCISE\\s+(\\d+\\.\\d+)\\b");

    private ExerciseRegions() {
    }

    /**
     * Region {@code id} of one file's text (a file on disk or a version of it from git), found by the
     * same rules as every other region; empty when the file has no such region with well-formed markers.
     */
    static Optional<Region> region(String text, String file, String id) {
        return new SourceFile(text, Path.of(file)).regions.stream().filter(region -> region.id().equals(id)).findFirst();
    }

    /** One source file: its lines with their line endings (so a comparison is byte-exact), its regions and broken markers. */
    static final class SourceFile {
        final Path relativePath;
        final List<String> lines;
        final List<Region> regions = new ArrayList<>();
        /** Each problem starts with the line number, e.g. {@code "12: END EXERCISE 3.1 without ..."}. */
        final List<String> problems = new ArrayList<>();

        SourceFile(String text, Path relativePath) {
            this.relativePath = relativePath;
            // splitting after each \n keeps the line ends, so "\r\n" vs "\n" counts as a difference
            this.lines = List.of(text.split("(?<=\n)"));
            Region open = null;
            for (int number = 1; number <= lines.size(); number++) {
                Matcher end = END.matcher(line(number));
                Matcher start = START.matcher(line(number));
                if (end.find()) {
                    String id = end.group(1);
                    if (open == null) {
                        problems.add(number + ": END EXERCISE " + id + " has no EXERCISE " + id + " before it");
                    } else if (!open.id().equals(id)) {
                        problems.add(number + ": END EXERCISE " + id + " closes EXERCISE " + open.id()
                                + " (line " + open.startLine() + "); start and end ids must match");
                    } else {
                        regions.add(new Region(id, relativePath, open.startLine(), number));
                    }
                    open = null;
                } else if (start.find()) {
                    if (open != null) {
                        problems.add(number + ": EXERCISE " + start.group(1) + " starts inside EXERCISE " + open.id()
                                + " (line " + open.startLine() + "); regions do not nest");
                    } else {
                        open = new Region(start.group(1), relativePath, number, -1);
                    }
                }
            }
            if (open != null) {
                problems.add(open.startLine() + ": EXERCISE " + open.id() + " has no END EXERCISE " + open.id());
            }
        }

        String line(int number) {
            return lines.get(number - 1);
        }
    }
}
