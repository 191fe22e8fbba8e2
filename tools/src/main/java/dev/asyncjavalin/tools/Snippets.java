package dev.asyncjavalin.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Keeps the code shown in Markdown files identical to the sources it is copied from, so a README
 * never teaches code that no longer exists.
 *
 * <p>An include names a source file, relative to the Markdown file, and optionally a tagged region
 * of it. The fenced block up to the end marker is the copy:
 * <pre>
 * &lt;!-- include: src/main/java/dev/asyncjavalin/ch03/ConcurrentFetcher.java#fetchAll --&gt;
 * ```java
 * ...
 * ```
 * &lt;!-- end include --&gt;
 * </pre>
 * In the source, the region lies between a line containing {@code tag::fetchAll[]} and one
 * containing {@code end::fetchAll[]}, behind whatever comment the language has
 * ({@code //}, {@code <%--}, {@code #}).
 */
public final class Snippets {

    private static final Pattern INCLUDE = Pattern.compile("^\\s*<!--\\s*include:\\s*(\\S+)\\s*-->\\s*$");
    private static final Pattern END_INCLUDE = Pattern.compile("^\\s*<!--\\s*end include\\s*-->\\s*$");
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

    /** One include in a Markdown file: the indexes of its marker and end lines, and what it names ("File.java#tag"). */
    private record Include(int marker, int endMarker, String target) {
    }

    /** {@link #problems} as the lines printed for a person. */
    public static List<String> check(Path repoRoot) throws IOException {
        return problems(repoRoot).stream().map(Problem::toString).toList();
    }

    /** Every include whose file or tag is missing, whose copy is stale, or that has no end marker. */
    public static List<Problem> problems(Path repoRoot) throws IOException {
        return visit(repoRoot, false);
    }

    /**
     * Rewrites every stale copy from its source and says which ones it rewrote. Only the lines between
     * an include and its end marker are ever changed; includes that cannot be resolved are left as
     * they are, for {@link #check} to report.
     */
    public static List<String> sync(Path repoRoot) throws IOException {
        return visit(repoRoot, true).stream().map(Problem::toString).toList();
    }

    /** The problems found, or with {@code sync} the copies rewritten. */
    private static List<Problem> visit(Path repoRoot, boolean sync) throws IOException {
        List<Problem> found = new ArrayList<>();
        for (Path markdown : markdownFiles(repoRoot)) {
            String name = displayName(repoRoot, markdown);
            String text = Files.readString(markdown);
            // a rewrite changes nothing but the copied code: a CRLF file stays CRLF, a final newline stays (a last, empty line)
            List<String> lines = List.of(text.split("\r?\n", -1));
            List<String> rewritten = new ArrayList<>();
            int copiedUpTo = 0;
            List<Problem> problems = sync ? new ArrayList<>() : found;
            problems.addAll(codeOutsideIncludes(lines, name));
            for (Include include : findIncludes(lines, name, problems)) {
                int lineNumber = include.marker() + 1;
                try {
                    List<String> source = sourceCode(markdown.getParent(), include.target());
                    String staleness = staleness(lines, include, source);
                    if (staleness != null && !sync) {
                        problems.add(new Problem(name, lineNumber, "stale copy of " + include.target() + ": " + staleness
                                + " (run `snippets sync`)"));
                    } else if (staleness != null) {
                        rewritten.addAll(lines.subList(copiedUpTo, include.marker() + 1));
                        rewritten.addAll(fencedBlock(lines, include, source));
                        copiedUpTo = include.endMarker();
                        found.add(new Problem(name, lineNumber, "updated " + include.target()));
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
        return found;
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
                inInclude = INCLUDE.matcher(marker).matches() || inInclude && !END_INCLUDE.matcher(marker).matches();
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

    /** Finds the includes of one Markdown file; an include without an end marker becomes a problem. */
    private static List<Include> findIncludes(List<String> lines, String name, List<Problem> problems) {
        List<Include> includes = new ArrayList<>();
        Include open = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher include = INCLUDE.matcher(lines.get(i));
            if (include.matches()) {
                if (open != null) {
                    problems.add(unterminated(name, open));
                }
                open = new Include(i, -1, include.group(1));
            } else if (END_INCLUDE.matcher(lines.get(i)).matches() && open != null) {
                includes.add(new Include(open.marker(), i, open.target()));
                open = null;
            }
        }
        if (open != null) {
            problems.add(unterminated(name, open));
        }
        return includes;
    }

    private static Problem unterminated(String name, Include include) {
        return new Problem(name, include.marker() + 1, "include of " + include.target()
                + " has no <!-- end include --> before the next include or the end of the file");
    }

    /**
     * The lines an include should show: the whole file, or after {@code #} the region between a line
     * with {@code tag::name[]} and one with {@code end::name[]}, without its common indentation. The
     * file is relative to the Markdown file's folder; an IOException says what cannot be found.
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
        int common = lines.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        return lines.stream().map(line -> line.isBlank() ? "" : line.substring(common)).toList();
    }

    /** Null when the block between the markers is a code fence holding exactly {@code source}; otherwise what differs. */
    private static String staleness(List<String> lines, Include include, List<String> source) {
        List<String> block = lines.subList(include.marker() + 1, include.endMarker());
        if (block.size() < 2 || !isFence(block.get(0)) || !isFence(block.get(block.size() - 1))) {
            return "the lines up to <!-- end include --> are not one fenced code block";
        }
        List<String> shown = block.subList(1, block.size() - 1);
        int i = 0;
        while (i < shown.size() && i < source.size() && shown.get(i).equals(source.get(i))) {
            i++;
        }
        if (i == shown.size() && i == source.size()) {
            return null;
        }
        String copy = i < shown.size() ? "\"" + shown.get(i) + "\"" : "past the end of the copy";
        String original = i < source.size() ? "\"" + source.get(i) + "\"" : "nothing more";
        // the include marker is line marker + 1, and the first code line is two lines below it
        return "line " + (include.marker() + 3 + i) + " is " + copy + " but the source has " + original;
    }

    /** The new lines between the markers; an existing opening fence is kept, since its language may be a deliberate choice. */
    private static List<String> fencedBlock(List<String> lines, Include include, List<String> source) {
        String firstLine = lines.get(include.marker() + 1);
        String openingFence = isFence(firstLine) ? firstLine : "```" + fenceLanguage(include.target().split("#", 2)[0]);
        List<String> block = new ArrayList<>();
        block.add(openingFence);
        block.addAll(source);
        block.add("```");
        return block;
    }

    private static boolean isFence(String line) {
        return line.strip().startsWith("```");
    }

    /** The fence language for a file, by its extension (a name without a dot counts as all extension, and means text). */
    static String fenceLanguage(String fileName) {
        return FENCE_LANGUAGES.getOrDefault(fileName.substring(fileName.lastIndexOf('.') + 1), "text");
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
