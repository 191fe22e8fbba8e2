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

    /** One include in a Markdown file; {@code endMarker} is the index of its end line, or -1 if it has none. */
    private record Include(int marker, int endMarker, String target) {

        int lineNumber() {
            return marker + 1;
        }

        String sourcePath() {
            int hash = target.indexOf('#');
            return hash < 0 ? target : target.substring(0, hash);
        }

        /** The tag after {@code #}, or null when the whole file is included. */
        String tag() {
            int hash = target.indexOf('#');
            return hash < 0 ? null : target.substring(hash + 1);
        }
    }

    /** Why an include cannot be compared with its source: the file or the tag is not there. */
    private static final class UnresolvableInclude extends Exception {
        UnresolvableInclude(String message) {
            super(message);
        }
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
                try {
                    List<String> source = sourceCode(markdown.getParent(), include);
                    String staleness = staleness(lines, include, source);
                    if (staleness != null && !sync) {
                        problems.add(new Problem(name, include.lineNumber(), "stale copy of " + include.target() + ": " + staleness
                                + " (run `snippets sync`)"));
                    } else if (staleness != null) {
                        rewritten.addAll(lines.subList(copiedUpTo, include.marker() + 1));
                        rewritten.addAll(fencedBlock(lines, include, source));
                        copiedUpTo = include.endMarker();
                        found.add(new Problem(name, include.lineNumber(), "updated " + include.target()));
                    }
                } catch (UnresolvableInclude e) {
                    problems.add(new Problem(name, include.lineNumber(), e.getMessage()));
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
        return new Problem(name, include.lineNumber(), "include of " + include.target()
                + " has no <!-- end include --> before the next include or the end of the file");
    }

    /** The lines the include should show: the whole file, or its tagged region without its common indentation. */
    private static List<String> sourceCode(Path markdownDirectory, Include include) throws IOException, UnresolvableInclude {
        Path source = markdownDirectory.resolve(include.sourcePath()).normalize();
        if (!Files.isRegularFile(source)) {
            throw new UnresolvableInclude("included file " + include.sourcePath() + " does not exist");
        }
        List<String> lines = Files.readString(source).lines().toList();
        return include.tag() == null ? lines : dedent(taggedRegion(lines, include.sourcePath(), include.tag()));
    }

    private static List<String> taggedRegion(List<String> lines, String fileName, String tag) throws UnresolvableInclude {
        String start = "tag::" + tag + "[]";
        String end = "end::" + tag + "[]";
        int startLine = indexOfLineContaining(lines, start, 0);
        if (startLine < 0) {
            throw new UnresolvableInclude("no line with " + start + " in " + fileName);
        }
        int endLine = indexOfLineContaining(lines, end, startLine + 1);
        if (endLine < 0) {
            throw new UnresolvableInclude(start + " at " + fileName + ":" + (startLine + 1) + " has no " + end + " after it");
        }
        return lines.subList(startLine + 1, endLine).stream()
                .filter(line -> !ANY_TAG_MARKER.matcher(line).find())
                .toList();
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
        boolean fenced = block.size() >= 2 && isFence(block.get(0)) && isFence(block.get(block.size() - 1));
        if (!fenced) {
            return "the lines up to <!-- end include --> are not one fenced code block";
        }
        List<String> shown = block.subList(1, block.size() - 1);
        int firstCodeLine = include.lineNumber() + 2;
        for (int i = 0; i < Math.max(shown.size(), source.size()); i++) {
            int lineNumber = firstCodeLine + i;
            if (i >= shown.size()) {
                return "the copy ends at line " + lineNumber + " but the source goes on with \"" + source.get(i) + "\"";
            }
            if (i >= source.size()) {
                return "line " + lineNumber + " \"" + shown.get(i) + "\" is past the end of the source";
            }
            if (!shown.get(i).equals(source.get(i))) {
                return "line " + lineNumber + " is \"" + shown.get(i) + "\" but the source has \"" + source.get(i) + "\"";
            }
        }
        return null;
    }

    /** The new lines between the markers; an existing opening fence is kept, since its language may be a deliberate choice. */
    private static List<String> fencedBlock(List<String> lines, Include include, List<String> source) {
        String firstLine = lines.get(include.marker() + 1);
        String openingFence = isFence(firstLine) ? firstLine : "```" + fenceLanguage(include.sourcePath());
        List<String> block = new ArrayList<>();
        block.add(openingFence);
        block.addAll(source);
        block.add("```");
        return block;
    }

    private static boolean isFence(String line) {
        return line.strip().startsWith("```");
    }

    static String fenceLanguage(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1);
        return FENCE_LANGUAGES.getOrDefault(extension, "text");
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
