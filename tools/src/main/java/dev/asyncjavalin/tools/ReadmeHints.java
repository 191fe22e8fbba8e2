package dev.asyncjavalin.tools;

import dev.asyncjavalin.tools.ExerciseCatalog.Catalog;
import dev.asyncjavalin.tools.ExerciseCatalog.Chapter;
import dev.asyncjavalin.tools.ExerciseCatalog.Exercise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folded hints in each chapter README are copied from {@code chapters/exercises.yaml}, so the
 * README and {@code ./course hint} always say the same thing:
 * <pre>
 * ### Exercise 3.1 · fetchAll turns each failure into a row
 * ...
 * &lt;!-- hints: 3.1 --&gt;
 * &lt;details&gt;&lt;summary&gt;Hint 1&lt;/summary&gt; ... &lt;/details&gt;
 * &lt;!-- end hints --&gt;
 * </pre>
 */
public final class ReadmeHints {

    private ReadmeHints() {
    }

    /** Missing headings or hint blocks, and blocks that differ from the catalog. */
    public static List<String> check(Path repoRoot) throws IOException {
        return visit(repoRoot, false);
    }

    /** Rewrites every stale hint block; returns what it changed. Problems it cannot fix are left for {@link #check}. */
    public static List<String> sync(Path repoRoot) throws IOException {
        return visit(repoRoot, true);
    }

    private static List<String> visit(Path repoRoot, boolean rewrite) throws IOException {
        if (!Files.exists(repoRoot.resolve(ExerciseCatalog.FILE))) {
            return List.of(); // no catalog, no hints to copy; the `exercises` check reports a missing catalog
        }
        Catalog catalog = ExerciseCatalog.load(repoRoot);
        List<String> problems = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        for (Chapter chapter : catalog.chapters()) {
            Path readme = repoRoot.resolve(chapter.directory()).resolve("README.md");
            String name = chapter.directory() + "/README.md";
            if (!Files.isRegularFile(readme)) {
                problems.add(name + " does not exist");
                continue;
            }
            String text = Files.readString(readme);
            List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
            int changesBefore = changes.size();
            for (Exercise exercise : chapter.exercises()) {
                String heading = "### Exercise " + exercise.id() + " · " + exercise.title();
                if (!lines.contains(heading)) {
                    problems.add(name + ": no heading \"" + heading + "\" (the title in " + ExerciseCatalog.FILE + ")");
                }
                int start = lines.indexOf(startMarker(exercise));
                int end = start < 0 ? -1 : lines.subList(start, lines.size()).indexOf(END_MARKER) + start;
                List<String> wanted = block(exercise);
                if (start < 0 || end < start) {
                    problems.add(name + ": no \"" + startMarker(exercise) + "\" ... \"" + END_MARKER
                            + "\" block for the hints of exercise " + exercise.id());
                } else if (!lines.subList(start + 1, end).equals(wanted) && rewrite) {
                    lines.subList(start + 1, end).clear();
                    lines.addAll(start + 1, wanted);
                    changes.add(name + ":" + (start + 1) + ": updated the hints of exercise " + exercise.id());
                } else if (!lines.subList(start + 1, end).equals(wanted)) {
                    problems.add(name + ":" + (start + 1) + ": the hints of exercise " + exercise.id() + " differ from "
                            + ExerciseCatalog.FILE + " (run `snippets sync`)");
                }
            }
            if (changes.size() > changesBefore) {
                Files.writeString(readme, String.join(text.contains("\r\n") ? "\r\n" : "\n", lines));
            }
        }
        return rewrite ? changes : problems;
    }

    static final String END_MARKER = "<!-- end hints -->";

    static String startMarker(Exercise exercise) {
        return "<!-- hints: " + exercise.id() + " -->";
    }

    /** The hints as folded sections, one per hint, in order. */
    static List<String> block(Exercise exercise) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < exercise.hints().size(); i++) {
            if (i > 0) {
                lines.add("");
            }
            lines.add("<details><summary>Hint " + (i + 1) + "</summary>");
            lines.add("");
            lines.addAll(exercise.hints().get(i).lines().toList());
            lines.add("</details>");
        }
        return lines;
    }
}
