package dev.asyncjavalin.slides;

import dev.asyncjavalin.tools.Problem;
import dev.asyncjavalin.tools.Snippets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Turns a deck's Markdown into slides of HTML.
 *
 * <ul>
 *   <li>A line holding only {@code ---} (outside a code block) ends one slide and starts the next.</li>
 *   <li>{@code <!-- include: path#tag -->}, a fenced block and {@code <!-- end include -->} show code
 *       from a chapter's sources, exactly as in the READMEs; {@code snippets sync} fills the block.
 *       An include that {@link Snippets#problems} reports (missing file or tag, stale or empty copy)
 *       becomes a visible {@code .unresolved-include} box, which the browser check fails on.</li>
 *   <li>{@code ![what it shows](diagrams/name.svg)} puts that SVG file into the page itself, so a
 *       deck needs nothing but its one HTML file; a PNG becomes a {@code data:} URL.</li>
 *   <li>Fenced code is coloured at build time by {@link CodeHighlighter}.</li>
 * </ul>
 */
final class DeckReader {

    private static final Pattern INCLUDE = Pattern.compile("^\\s*<!--\\s*include:\\s*(\\S+)\\s*-->\\s*$");
    private static final Pattern END_INCLUDE = Pattern.compile("^\\s*<!--\\s*end include\\s*-->\\s*$");
    private static final Pattern TITLE = Pattern.compile("^#\\s+(.+?)\\s*$");
    private static final Pattern XMLNS = Pattern.compile("\\s+xmlns(:\\w+)?=\"[^\"]*\"");

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    private DeckReader() {
    }

    /** Every {@code *.md} in {@code decksDirectory}, sorted by name: 01.md, 02.md, ... */
    static List<Deck> readAll(Path decksDirectory) throws IOException {
        Map<String, Map<Integer, String>> problems = includeProblems(decksDirectory);
        List<Deck> decks = new ArrayList<>();
        try (Stream<Path> files = Files.list(decksDirectory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList()) {
                String fileName = file.getFileName().toString();
                decks.add(read(file, problems.getOrDefault(fileName, Map.of())));
            }
        }
        return decks;
    }

    /**
     * What the course's snippet check finds wrong with each deck's includes, by file name and
     * line of the include marker. Resolving includes with the same code as the READMEs means
     * a slide can never show code that `mvn install` would call missing or stale.
     */
    private static Map<String, Map<Integer, String>> includeProblems(Path decksDirectory) throws IOException {
        Map<String, Map<Integer, String>> byFile = new HashMap<>();
        for (Problem problem : Snippets.problems(decksDirectory)) {
            byFile.computeIfAbsent(problem.file(), f -> new HashMap<>()).put(problem.line(), problem.message());
        }
        return byFile;
    }

    /** One deck; {@code includeProblems} maps an include marker's line number to what is wrong with it. */
    static Deck read(Path file, Map<Integer, String> includeProblems) throws IOException {
        List<String> lines = Files.readString(file).lines().toList();
        List<String> slideSources = new ArrayList<>();
        StringBuilder slide = new StringBuilder();
        boolean inFence = false;
        boolean inInclude = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher include = INCLUDE.matcher(line);
            if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
                inFence = !inFence;
            }
            if (!inFence && line.strip().equals("---")) {
                slideSources.add(slide.toString());
                slide.setLength(0);
            } else if (include.matches() && includeProblems.containsKey(i + 1)) {
                slide.append(unresolved(include.group(1) + ": " + includeProblems.get(i + 1))).append("\n\n");
                i = endOfInclude(lines, i); // the stale or half-written copy is not shown
                inFence = false;
            } else if (include.matches()) {
                inInclude = true;
                // a caption naming the file, drawn in the code block's corner; the fence follows
                slide.append("<figure class=\"code\">\n<figcaption>").append(CodeHighlighter.escape(sourceName(include.group(1))))
                        .append("</figcaption>\n\n");
            } else if (END_INCLUDE.matcher(line).matches() && inInclude) {
                inInclude = false;
                slide.append("\n</figure>\n");
            } else {
                slide.append(line).append('\n');
            }
        }
        slideSources.add(slide.toString());

        HtmlRenderer renderer = htmlRenderer(file.getParent());
        List<Deck.Slide> slides = new ArrayList<>();
        for (String source : slideSources) {
            if (!source.isBlank()) {
                slides.add(new Deck.Slide(slides.size() + 1, renderer.render(PARSER.parse(source))));
            }
        }
        String name = file.getFileName().toString().replaceFirst("\\.md$", "");
        return new Deck(name, title(lines, name), slides);
    }

    /** The line of the include's end marker, or the include's own line when it has none. */
    private static int endOfInclude(List<String> lines, int include) {
        for (int i = include + 1; i < lines.size(); i++) {
            if (END_INCLUDE.matcher(lines.get(i)).matches()) {
                return i;
            }
            if (INCLUDE.matcher(lines.get(i)).matches()) {
                break;
            }
        }
        return include;
    }

    /** {@code ../../chapters/03/src/main/java/dev/asyncjavalin/ch03/PageCalls.java#start} shows as {@code PageCalls.java}. */
    private static String sourceName(String target) {
        String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String title(List<String> lines, String fallback) {
        return lines.stream().map(TITLE::matcher).filter(Matcher::matches).map(m -> m.group(1)).findFirst().orElse(fallback);
    }

    static String unresolved(String what) {
        return "<div class=\"unresolved-include\">Unresolved: " + CodeHighlighter.escape(what) + "</div>";
    }

    private static HtmlRenderer htmlRenderer(Path deckDirectory) {
        return HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .nodeRendererFactory(HighlightedCode::new)
                .nodeRendererFactory(context -> new InlinedImage(context, deckDirectory))
                .build();
    }

    /** A fenced block as {@code <pre class="code">}, coloured by the language named after the fence. */
    private static final class HighlightedCode implements NodeRenderer {

        private final HtmlWriter html;

        HighlightedCode(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(FencedCodeBlock.class);
        }

        @Override
        public void render(Node node) {
            FencedCodeBlock block = (FencedCodeBlock) node;
            String info = block.getInfo() == null ? "" : block.getInfo().strip();
            String language = info.isEmpty() ? "text" : info.split("\\s+")[0].replaceAll("[^\\w-]", "");
            String code = block.getLiteral().endsWith("\n") ? block.getLiteral().substring(0, block.getLiteral().length() - 1) : block.getLiteral();
            html.line();
            html.raw("<pre class=\"code\"><code class=\"language-" + language + "\">" + CodeHighlighter.toHtml(code, language) + "</code></pre>");
            html.line();
        }
    }

    /** A local image put into the page: an SVG as markup, a PNG as a {@code data:} URL. */
    private static final class InlinedImage implements NodeRenderer {

        private final HtmlWriter html;
        private final Path deckDirectory;

        InlinedImage(HtmlNodeRendererContext context, Path deckDirectory) {
            this.html = context.getWriter();
            this.deckDirectory = deckDirectory;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            String alt = CodeHighlighter.escape(altText(image));
            Path file = deckDirectory.resolve(image.getDestination()).normalize();
            try {
                if (image.getDestination().endsWith(".svg")) {
                    String svg = Files.readString(file).replaceFirst("^<\\?xml[^>]*>\\s*", "");
                    // in an HTML page the namespace is implied; dropping it keeps every URL out of the output
                    html.raw("<span class=\"diagram\" role=\"img\" aria-label=\"" + alt + "\">" + XMLNS.matcher(svg).replaceAll("") + "</span>");
                } else if (image.getDestination().endsWith(".png")) {
                    String data = Base64.getEncoder().encodeToString(Files.readAllBytes(file));
                    html.raw("<img alt=\"" + alt + "\" src=\"data:image/png;base64," + data + "\">");
                } else {
                    html.raw(unresolved("image " + image.getDestination() + " (only .svg and .png can be put into a deck)"));
                }
            } catch (IOException e) {
                html.raw(unresolved("image " + image.getDestination() + " (" + e.getClass().getSimpleName() + ")"));
            }
        }

        private static String altText(Image image) {
            StringBuilder alt = new StringBuilder();
            for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Text text) {
                    alt.append(text.getLiteral());
                }
            }
            return alt.toString();
        }
    }
}
