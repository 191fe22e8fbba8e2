package dev.asyncjavalin.tools;

import dev.asyncjavalin.tools.ExerciseCatalog.Catalog;
import dev.asyncjavalin.tools.ExerciseCatalog.Chapter;
import dev.asyncjavalin.tools.ExerciseCatalog.Exercise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Keeps what Markdown files copy identical to its origin, so a README never teaches code that no
 * longer exists, nor hints that {@code ./course hint} no longer gives. A copy lies between a marker
 * naming its origin and an end marker: an include names a source file, relative to the Markdown
 * file, and optionally a tagged region of it, and its copy is a fenced block; a hints block names an
 * exercise of {@code chapters/exercises.yaml}, and every exercise has one in its chapter's README,
 * below a heading with its title:
 * <pre>
 * ### Exercise 3.1 · fetchAll turns each failure into a row
 * &lt;!-- include: src/main/java/dev/asyncjavalin/ch03/ConcurrentFetcher.java#fetchAll --&gt;
 * ```java
 * ...
 * ```
 * &lt;!-- end include --&gt;
 * &lt;!-- hints: 3.1 --&gt;
 * &lt;details&gt;&lt;summary&gt;Hint 1&lt;/summary&gt; ... &lt;/details&gt;
 * &lt;!-- end hints --&gt;
 * </pre>
 */
public final class Snippets {

    /** A marker line, whose kind says where the copy comes from: a source file, or the catalog's hints. */
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*(include|hints):\\s*(\\S+)\\s*-->\\s*$");
    private static final Pattern END_MARKER = Pattern.compile("^\\s*<!--\\s*end (include|hints)\\s*-->\\s*$");
    /** Markers of other regions nested in the one shown mean nothing to a reader, so they are left out. */
    private static final Pattern ANY_TAG_MARKER = Pattern.compile("(tag|end)::[^\\s\\[]*\\[]");
    /** Fence languages that mean "course code": a block in one of them must come from an include. */
    private static final Set<String> SOURCE_LANGUAGES = Set.of("java", "jte", "html", "xml", "kotlin", "properties");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", "node_modules");
    private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private static final Map<String, String> FENCE_LANGUAGES =
            Map.of("java", "java", "jte", "html", "xml", "xml", "properties", "properties");

    private Snippets() {
    }

    /** A marked block of a Markdown file: its kind, the indexes of its marker and end lines, what it names ("A.java#tag", "3.1"). */
    private record Block(String kind, int marker, int endMarker, String target) {
    }

    /** The lines a block should hold; {@code staleness} is null when it holds them, else what the check reports. */
    private record Copy(List<String> lines, String staleness, String updated) {
    }

    /** {@link #problems} as the lines printed for a person. */
    public static List<String> check(Path repoRoot) throws IOException {
        return problems(repoRoot).stream().map(Problem::toString).toList();
    }

    /** Every marked block that is stale, cannot be resolved or has no end, and every exercise without its heading or hints block. */
    public static List<Problem> problems(Path repoRoot) throws IOException {
        return visit(repoRoot, false);
    }

    /**
     * Rewrites every stale copy from its origin and says which ones it rewrote. Only the lines between a
     * marker and its end marker are ever changed; what cannot be resolved is left for {@link #check}.
     */
    public static List<String> sync(Path repoRoot) throws IOException {
        return visit(repoRoot, true).stream().map(Problem::toString).toList();
    }

    /** The problems found, or with {@code sync} the copies rewritten. */
    private static List<Problem> visit(Path repoRoot, boolean sync) throws IOException {
        // no catalog, no hints to copy; ExerciseCatalogCheck (RepositoryIsConsistentTest) reports a missing catalog
        Catalog catalog = Files.exists(repoRoot.resolve(ExerciseCatalog.FILE)) ? ExerciseCatalog.load(repoRoot) : new Catalog(List.of());
        List<Problem> problems = new ArrayList<>();
        List<Problem> updates = new ArrayList<>();
        for (Path markdown : markdownFiles(repoRoot)) {
            String name = displayName(repoRoot, markdown);
            String text = Files.readString(markdown);
            // a rewrite changes nothing but the copies: a CRLF file stays CRLF, a final newline stays (a last, empty line)
            List<String> lines = List.of(text.split("\r?\n", -1));
            List<String> rewritten = new ArrayList<>();
            int copiedUpTo = 0;
            problems.addAll(codeOutsideIncludes(lines, name));
            for (Block block : findBlocks(lines, name, problems)) {
                int lineNumber = block.marker() + 1;
                try {
                    Copy copy = wantedCopy(block, lines, markdown.getParent(), catalog);
                    if (copy.staleness() != null && !sync) {
                        problems.add(new Problem(name, lineNumber, copy.staleness() + " (run `snippets sync`)"));
                    } else if (copy.staleness() != null) {
                        rewritten.addAll(lines.subList(copiedUpTo, block.marker() + 1));
                        rewritten.addAll(copy.lines());
                        copiedUpTo = block.endMarker();
                        updates.add(new Problem(name, lineNumber, copy.updated()));
                    }
                } catch (IOException e) {
                    problems.add(new Problem(name, lineNumber, e.getMessage()));
                }
            }
            if (copiedUpTo > 0) {
                rewritten.addAll(lines.subList(copiedUpTo, lines.size()));
                Files.writeString(markdown, String.join(text.contains("\r\n") ? "\r\n" : "\n", rewritten));
            }
        }
        problems.addAll(missingExerciseSections(repoRoot, catalog));
        return sync ? updates : problems;
    }

    /**
     * A fenced block in a source language that no include fills is code nobody compiles: it rots
     * silently. Commands ({@code bash}) and output ({@code text}, or no language) are not code from
     * the course and may stand on their own.
     */
    private static List<Problem> codeOutsideIncludes(List<String> lines, String name) {
        List<Problem> problems = new ArrayList<>();
        // commonmark finds the fences (``` or ~~~, in lists and quotes too); each marker is an HTML block of its own
        MARKDOWN.parse(String.join("\n", lines)).accept(new AbstractVisitor() {
            boolean inInclude;

            @Override
            public void visit(HtmlBlock html) {
                String marker = html.getLiteral().strip();
                inInclude = isMarker(MARKER, marker, "include") || inInclude && !isMarker(END_MARKER, marker, "include");
            }

            @Override
            public void visit(FencedCodeBlock code) {
                String language = code.getInfo().strip();
                if (!inInclude && SOURCE_LANGUAGES.contains(language)) {
                    problems.add(new Problem(name, code.getSourceSpans().get(0).getLineIndex() + 1, "a ```" + language
                            + " block that is not included from a source; include it with <!-- include: FILE#tag --> ..."
                            + " <!-- end include -->, or fence it as ```text if it is not course code"));
                }
            }
        });
        return problems;
    }

    /**
     * Finds the marked blocks of one Markdown file; a block without an end marker becomes a problem.
     * Any marker ends the search for the open block's end, so blocks never overlap.
     */
    private static List<Block> findBlocks(List<String> lines, String name, List<Problem> problems) {
        List<Block> blocks = new ArrayList<>();
        Block open = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (marker.matches()) {
                if (open != null) {
                    problems.add(unterminated(name, open));
                }
                open = new Block(marker.group(1), i, -1, marker.group(2));
            } else if (open != null && isMarker(END_MARKER, lines.get(i), open.kind())) {
                blocks.add(new Block(open.kind(), open.marker(), i, open.target()));
                open = null;
            }
        }
        if (open != null) {
            problems.add(unterminated(name, open));
        }
        return blocks;
    }

    /** Whether the line is a marker (or end marker, by the pattern) of this kind. */
    private static boolean isMarker(Pattern pattern, String line, String kind) {
        Matcher marker = pattern.matcher(line);
        return marker.matches() && marker.group(1).equals(kind);
    }

    private static Problem unterminated(String name, Block block) {
        String what = block.kind().equals("hints") ? "hints block" : "include";
        return new Problem(name, block.marker() + 1, what + " of " + block.target() + " has no <!-- end " + block.kind()
                + " --> before the next marker or the end of the file");
    }

    /** What a block should hold, from its source file or from the catalog; an IOException says what cannot be found. */
    private static Copy wantedCopy(Block block, List<String> lines, Path markdownDirectory, Catalog catalog) throws IOException {
        List<String> shown = lines.subList(block.marker() + 1, block.endMarker());
        String target = block.target();
        if (block.kind().equals("hints")) {
            Exercise exercise = catalog.exercise(target)
                    .orElseThrow(() -> new IOException("there is no exercise " + target + " in " + ExerciseCatalog.FILE));
            List<String> hints = hintsBlock(exercise);
            String staleness = shown.equals(hints) ? null : "the hints of exercise " + target + " differ from " + ExerciseCatalog.FILE;
            return new Copy(hints, staleness, "updated the hints of exercise " + target);
        }
        List<String> source = sourceCode(markdownDirectory, target);
        // an existing opening fence is kept, since its language may be a deliberate choice
        String fence = !shown.isEmpty() && isFence(shown.get(0)) ? shown.get(0) : "```" + fenceLanguage(target.split("#", 2)[0]);
        List<String> fenced = Stream.of(List.of(fence), source, List.of("```")).flatMap(List::stream).toList();
        String difference = difference(shown, source, block.marker());
        return new Copy(fenced, difference == null ? null : "stale copy of " + target + ": " + difference, "updated " + target);
    }

    /**
     * The lines an include should show: the whole file, or after {@code #} the region between a line
     * with {@code tag::name[]} and one with {@code end::name[]} (behind whatever comment the language
     * has: {@code //}, {@code <%--}, {@code #}), without its common indentation. The file is relative
     * to the Markdown file's folder; an IOException says what cannot be found.
     */
    private static List<String> sourceCode(Path markdownDirectory, String target) throws IOException {
        String[] fileAndTag = target.split("#", 2);
        Path source = markdownDirectory.resolve(fileAndTag[0]).normalize();
        if (!Files.isRegularFile(source)) {
            throw new IOException("included file " + fileAndTag[0] + " does not exist");
        }
        List<String> lines = Files.readString(source).lines().toList();
        if (fileAndTag.length == 1) {
            return lines;
        }
        String start = "tag::" + fileAndTag[1] + "[]";
        String end = "end::" + fileAndTag[1] + "[]";
        int startLine = indexOfLineContaining(lines, start, 0);
        int endLine = startLine < 0 ? -1 : indexOfLineContaining(lines, end, startLine + 1);
        if (startLine < 0) {
            throw new IOException("no line with " + start + " in " + fileAndTag[0]);
        } else if (endLine < 0) {
            throw new IOException(start + " at " + fileAndTag[0] + ":" + (startLine + 1) + " has no " + end + " after it");
        }
        return dedent(lines.subList(startLine + 1, endLine).stream().filter(line -> !ANY_TAG_MARKER.matcher(line).find()).toList());
    }

    private static int indexOfLineContaining(List<String> lines, String marker, int from) {
        return IntStream.range(from, lines.size()).filter(i -> lines.get(i).contains(marker)).findFirst().orElse(-1);
    }

    /** A region copied from inside a method should start at the left margin of the page, not 8 spaces in. */
    static List<String> dedent(List<String> lines) {
        int common = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return lines.stream().map(line -> line.isBlank() ? "" : line.substring(common)).toList();
    }

    /** Null when {@code shown}, the lines of an include, is a code fence holding exactly {@code source}; otherwise what differs. */
    private static String difference(List<String> shown, List<String> source, int marker) {
        if (shown.size() < 2 || !isFence(shown.get(0)) || !isFence(shown.get(shown.size() - 1))) {
            return "the lines up to <!-- end include --> are not one fenced code block";
        }
        List<String> code = shown.subList(1, shown.size() - 1);
        int i = 0;
        while (i < code.size() && i < source.size() && code.get(i).equals(source.get(i))) {
            i++;
        }
        if (i == code.size() && i == source.size()) {
            return null;
        }
        String copy = i < code.size() ? "\"" + code.get(i) + "\"" : "past the end of the copy";
        String original = i < source.size() ? "\"" + source.get(i) + "\"" : "nothing more";
        // the include marker is line marker + 1, and the first code line is two lines below it
        return "line " + (marker + 3 + i) + " is " + copy + " but the source has " + original;
    }

    private static boolean isFence(String line) {
        return line.strip().startsWith("```");
    }

    /** The fence language for a file, by its extension (a name without a dot counts as all extension, and means text). */
    static String fenceLanguage(String fileName) {
        return FENCE_LANGUAGES.getOrDefault(fileName.substring(fileName.lastIndexOf('.') + 1), "text");
    }

    /** The hints of an exercise as folded sections, one per hint, in order. */
    private static List<String> hintsBlock(Exercise exercise) {
        List<String> hints = exercise.hints();
        return IntStream.range(0, hints.size())
                .mapToObj(i -> "<details><summary>Hint " + (i + 1) + "</summary>\n\n" + hints.get(i) + "\n</details>")
                .collect(Collectors.joining("\n\n")).lines().toList();
    }

    /**
     * A chapter README shows each of its exercises under a heading with the catalog's title, with a
     * hints block (whose content {@link #visit} checks like any other copy).
     */
    private static List<Problem> missingExerciseSections(Path repoRoot, Catalog catalog) throws IOException {
        List<Problem> problems = new ArrayList<>();
        for (Chapter chapter : catalog.chapters()) {
            String name = chapter.directory() + "/README.md";
            if (!Files.isRegularFile(repoRoot.resolve(name))) {
                problems.add(new Problem(name, 0, "does not exist"));
                continue;
            }
            List<String> lines = Files.readString(repoRoot.resolve(name)).lines().toList();
            for (Exercise exercise : chapter.exercises()) {
                String heading = "### Exercise " + exercise.id() + " · " + exercise.title();
                if (!lines.contains(heading)) {
                    problems.add(new Problem(name, 0, "no heading \"" + heading + "\" (the title in " + ExerciseCatalog.FILE + ")"));
                }
                // the same pattern that finds the blocks, so that any marker sync copies into counts
                if (lines.stream().map(MARKER::matcher).noneMatch(marker -> marker.matches() && marker.group(1).equals("hints")
                        && marker.group(2).equals(exercise.id()))) {
                    problems.add(new Problem(name, 0, "no \"<!-- hints: " + exercise.id() + " -->\" ... \"<!-- end hints -->\" block"
                            + " for the hints of exercise " + exercise.id()));
                }
            }
        }
        return problems;
    }

    /** Every Markdown file under the root, in a stable order, leaving out build output and Git's own files. */
    static List<Path> markdownFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> path.getFileName().toString().endsWith(".md") && Files.isRegularFile(path))
                    .filter(path -> StreamSupport.stream(root.relativize(path).spliterator(), false)
                            .noneMatch(part -> SKIPPED_DIRECTORIES.contains(part.toString())))
                    .sorted()
                    .toList();
        }
    }

    /** A path as the learner would type it from the repository root, with {@code /} on every OS. */
    static String displayName(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
