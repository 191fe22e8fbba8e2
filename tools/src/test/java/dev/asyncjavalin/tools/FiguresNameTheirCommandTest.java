package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every measured figure in a README or a slide deck names the command that printed it and the
 * machine and JDK it ran on, so a learner can run it again and knows what to compare with.
 *
 * <p>What it looks at: output blocks (fenced blocks with no language, or {@code text},
 * {@code console}, {@code output}: code and commands carry a language) and Markdown tables. Such a
 * block holds a <em>measured</em> figure when it has a number with a unit of time, ratio or rate
 * ({@code ms}, {@code s}, {@code x}, {@code %}, {@code /s}, {@code requests/s}...) that is not a
 * round setting: a decimal ({@code 7.17x}, {@code 1.07 s}) or a whole number that is not a multiple
 * of 50 ({@code 1002 ms}, {@code 756 requests/s}). Round numbers ({@code 1 s}, {@code 200-1500 ms},
 * {@code 2000 ms}, {@code 10 s}) are what the code is told, not what it measured, and pass.
 *
 * <p>Such a block must have, in the block or in its lead-in (the lines before it, back to the previous
 * heading or output block, at most {@value #LEAD_IN_LINES} lines, command blocks included):
 * <ul>
 *   <li>a command of the repository: {@code mvn ... exec:java...}, {@code mvn ... test} or
 *       {@code install}, {@code ./course ...}, {@code tools/...}, {@code curl ...}, or an app URL
 *       ({@code http://localhost:...}) to open after the chapter's run command;</li>
 *   <li>a label: {@code JDK} and a version, and the cores of the machine ({@code 2 cores},
 *       {@code 2-core}).</li>
 * </ul>
 * A block whose figures no command here can print (another project's, quoted) may be listed in
 * {@link #NOT_MEASURED_HERE}, with its reason; none is today.
 */
class FiguresNameTheirCommandTest {

    private static final Path ROOT = CourseRepository.ROOT;

    static final int LEAD_IN_LINES = 15;

    private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*(\\S*)");
    private static final Pattern FIGURE = Pattern.compile(
            "(?<![\\w.,-])(\\d[\\d,]*(?:\\.\\d+)?)(?:\\s?(?:ms|x|%|[a-z]*/s)|\\ss)(?![\\w])");
    private static final Pattern COMMAND = Pattern.compile(
            "\\bmvn\\b[^\\n`]*\\b(?:exec:java|test|install)\\b|\\./course\\b|\\btools/\\w|\\bcurl\\s|https?://localhost");
    private static final Pattern JDK = Pattern.compile("\\bJDK\\s?\\d+");
    private static final Pattern MACHINE = Pattern.compile("\\d+[- ]cores?\\b");

    /**
     * File (from the repository root) to text in the first line of a block whose figures are not
     * measurements of this repository, and why. Empty: the article's figures, quoted in chapter 09,
     * share their table with the course's rows, so that table names the course's commands and says
     * which row is quoted. Add an entry only for a block that can name no command, with its reason.
     */
    static final Map<String, Map<String, String>> NOT_MEASURED_HERE = Map.of();

    @Test
    @DisplayName("every measured figure in a README or a deck names its command, its JDK and its machine")
    void figuresNameTheirCommand() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : documents(ROOT)) {
            String name = ROOT.relativize(file).toString().replace('\\', '/');
            problems.addAll(check(name, Files.readString(file)));
        }
        assertThat(problems)
                .withFailMessage("%d output block(s) or table(s) with measured figures lack a command or a machine/JDK label"
                        + " (name the command that prints them and where it ran, e.g. 'Measured with `mvn -pl solutions/07"
                        + " exec:java@benchmark` on JDK 25, 2 cores', or remove the figures):%n  %s",
                        problems.size(), String.join(System.lineSeparator() + "  ", problems))
                .isEmpty();
    }

    /** Every README.md in the repository (build output left out), every page under chapters/ and every slide deck. */
    static List<Path> documents(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String path = root.relativize(file).toString().replace('\\', '/');
                        if (path.startsWith(".") || path.contains("/target/") || path.startsWith("target/")
                                || path.contains("node_modules/")) {
                            return false;
                        }
                        return path.endsWith("README.md") || path.matches("chapters/.+\\.md") || path.matches("slides/decks/[^/]+\\.md");
                    })
                    .sorted()
                    .toList();
        }
    }

    /** The problems of one document: {@code file:line what is missing [figures]}. */
    static List<String> check(String name, String text) {
        String[] lines = text.split("\n", -1);
        List<int[]> blocks = new ArrayList<>(); // first and last line of each output block or table
        for (int i = 0; i < lines.length; i++) {
            Matcher fence = FENCE.matcher(lines[i]);
            if (fence.find()) {
                int end = i + 1;
                while (end < lines.length && !FENCE.matcher(lines[end]).find()) {
                    end++;
                }
                if (List.of("", "text", "console", "output").contains(fence.group(1))) {
                    blocks.add(new int[] {i, Math.min(end, lines.length - 1)});
                }
                i = end;
            } else if (lines[i].stripLeading().startsWith("|")) {
                int end = i;
                while (end + 1 < lines.length && lines[end + 1].stripLeading().startsWith("|")) {
                    end++;
                }
                blocks.add(new int[] {i, end});
                i = end;
            }
        }
        List<String> problems = new ArrayList<>();
        int previousEnd = -1;
        for (int[] block : blocks) {
            String body = String.join("\n", List.of(lines).subList(block[0], block[1] + 1));
            List<String> measured = measured(body);
            if (!measured.isEmpty() && !allowed(name, lines[block[0]])) {
                int from = block[0];
                while (from - 1 > previousEnd && block[0] - (from - 1) <= LEAD_IN_LINES && !lines[from - 1].startsWith("#")) {
                    from--;
                }
                String context = String.join("\n", List.of(lines).subList(from, block[0])) + "\n" + body;
                List<String> missing = new ArrayList<>();
                if (!COMMAND.matcher(context).find()) {
                    missing.add("no command");
                }
                if (!JDK.matcher(context).find() || !MACHINE.matcher(context).find()) {
                    missing.add("no machine/JDK label");
                }
                if (!missing.isEmpty()) {
                    problems.add(name + ":" + (block[0] + 1) + " " + String.join(", ", missing) + " for "
                            + measured.subList(0, Math.min(4, measured.size())));
                }
            }
            previousEnd = block[1];
        }
        return problems;
    }

    /** The figures of {@code text} that were measured rather than set: decimals, and whole numbers off a round 50. */
    static List<String> measured(String text) {
        List<String> figures = new ArrayList<>();
        Matcher figure = FIGURE.matcher(text);
        while (figure.find()) {
            String number = figure.group(1).replace(",", "");
            boolean decimal = number.contains(".");
            if (decimal || (number.length() < 10 && Long.parseLong(number) > 10 && Long.parseLong(number) % 50 != 0)) {
                figures.add(figure.group().strip());
            }
        }
        return figures;
    }

    private static boolean allowed(String name, String firstLine) {
        return NOT_MEASURED_HERE.getOrDefault(name, Map.of()).keySet().stream().anyMatch(firstLine::contains);
    }

    @Nested
    @DisplayName("the check itself")
    class TheCheck {

        @Test
        @DisplayName("finds an output block of timings with no command and no label")
        void findsAnUnlabelledOutputBlock() {
            String readme = """
                    ## Run it

                    Measured here on a laptop:

                    ```
                    one after another   8563 ms
                    all at once         1183 ms
                    ```
                    """;
            assertThat(check("README.md", readme)).containsExactly("README.md:5 no command, no machine/JDK label for [8563 ms, 1183 ms]");
        }

        @Test
        @DisplayName("finds a table of measured rates whose lead-in names the command but not the machine")
        void findsATableWithoutALabel() {
            String deck = """
                    Run `mvn -pl solutions/07 exec:java@benchmark`:

                    | served by | requests/s |
                    |---|---|
                    | virtual threads | 535 requests/s |
                    """;
            assertThat(check("slides/decks/07.md", deck)).containsExactly("slides/decks/07.md:3 no machine/JDK label for [535 requests/s]");
        }

        @Test
        @DisplayName("passes a block with its command and label in the lead-in, a command block included")
        void passesALabelledBlock() {
            String readme = """
                    ```bash
                    mvn -pl chapters/03 exec:java@benchmark
                    ```

                    Measured here with `solutions/03` on JDK 17, on a 2-core machine (load average 1.4):

                    ```
                    speed-up: 7.24x
                    ```
                    """;
            assertThat(check("README.md", readme)).isEmpty();
        }

        @Test
        @DisplayName("passes round settings (1 s, 200-1500 ms, 3 s) and code blocks with a language")
        void passesSettingsAndCode() {
            String readme = """
                    | URL | what happens |
                    |---|---|
                    | `/data` | waits 1 s; pages take 200-1500 ms; the call timeout is 3 s |

                    ```java
                    Duration.ofMillis(1234); // 1234 ms in code is not output
                    ```
                    """;
            assertThat(check("README.md", readme)).isEmpty();
        }

        @Test
        @DisplayName("a label before the previous output block does not count for the next one")
        void leadInStopsAtThePreviousBlock() {
            String readme = """
                    Measured with `mvn -pl solutions/09 exec:java@benchmark` on JDK 25, 2 cores:

                    ```
                    mean 1,187 ms
                    ```

                    ```
                    another hand run: 1,233 ms
                    ```
                    """;
            assertThat(check("README.md", readme)).containsExactly("README.md:7 no command, no machine/JDK label for [1,233 ms]");
        }
    }
}
