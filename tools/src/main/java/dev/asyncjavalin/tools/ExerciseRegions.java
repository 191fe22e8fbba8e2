package dev.asyncjavalin.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks that each learner workspace {@code chapters/NN} and its reference solution
 * {@code solutions/NN} are the same code except inside exercise regions:
 * <pre>
 * // EXERCISE 3.1: fetchAll turns failures into rows
 * ...the stub in chapters/03, the answer in solutions/03...
 * // END EXERCISE 3.1
 * </pre>
 * Any comment syntax works ({@code <%-- EXERCISE 1.1 ... --%>} in templates): only the words and
 * the id matter. A learner who compares their work with the solution then sees nothing but the
 * answer, and a fix made to one side only is caught.
 */
public final class ExerciseRegions {

    /**
     * One exercise region. {@code file} is relative to the chapter (or solution) directory, so the
     * same region has the same file on both sides; the lines are those of its two marker lines, from 1.
     */
    public record Region(String id, String title, Path file, int startLine, int endLine) {
    }

    private static final Pattern START = Pattern.compile("(?<!END )\\bEXERCISE\\s+(\\d+\\.\\d+)\\b(.*)");
    private static final Pattern END = Pattern.compile("\\bEND EXERCISE\\s+(\\d+\\.\\d+)\\b");
    private static final Pattern CHAPTER_NUMBER = Pattern.compile("\\d\\d");

    private ExerciseRegions() {
    }

    /**
     * Every well-formed exercise region under {@code chapterDir/src/main} (and {@code src/test},
     * where a chapter's exercises are tests the learner writes), by file and line.
     */
    public static List<Region> regions(Path chapterDir) throws IOException {
        return readSources(chapterDir, true).values().stream().flatMap(file -> file.regions.stream()).toList();
    }

    /**
     * The well-formed regions of one file's text (a file on disk or a version of it from git),
     * found by the same rules as {@link #regions}; a region with broken markers is left out.
     */
    public static List<Region> regionsIn(String text, Path relativePath) {
        return new SourceFile(text, relativePath).regions;
    }

    /** Region {@code id} of one file's text, if it has one with well-formed markers. */
    static Optional<Region> region(String text, String file, String id) {
        return regionsIn(text, Path.of(file)).stream().filter(region -> region.id().equals(id)).findFirst();
    }

    /** Problems of every chapter/solution pair; a chapter without a solution, or the reverse, is one too. */
    public static List<String> check(Path repoRoot) throws IOException {
        SortedSet<String> chapters = numberedDirectories(repoRoot.resolve("chapters"));
        SortedSet<String> solutions = numberedDirectories(repoRoot.resolve("solutions"));
        SortedSet<String> numbers = new TreeSet<>(chapters);
        numbers.addAll(solutions);

        List<String> problems = new ArrayList<>();
        for (String number : numbers) {
            if (!solutions.contains(number)) {
                problems.add("chapters/" + number + " has no solutions/" + number);
            } else if (!chapters.contains(number)) {
                problems.add("solutions/" + number + " has no chapters/" + number);
            } else {
                problems.addAll(new Pair(repoRoot, number).check());
            }
        }
        return problems;
    }

    static SortedSet<String> numberedDirectories(Path parent) throws IOException {
        SortedSet<String> names = new TreeSet<>();
        if (Files.isDirectory(parent)) {
            try (Stream<Path> children = Files.list(parent)) {
                children.filter(Files::isDirectory)
                        .map(child -> child.getFileName().toString())
                        .filter(name -> CHAPTER_NUMBER.matcher(name).matches())
                        .forEach(names::add);
            }
        }
        return names;
    }

    /**
     * The sources under {@code dir/src/main}, and under {@code dir/src/test} when {@code withTests},
     * keyed and sorted by their path relative to {@code dir}.
     */
    private static Map<Path, SourceFile> readSources(Path dir, boolean withTests) throws IOException {
        Map<Path, SourceFile> files = new TreeMap<>();
        for (String tree : withTests ? List.of("src/main", "src/test") : List.of("src/main")) {
            Path root = dir.resolve(tree);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.filter(Files::isRegularFile).toList()) {
                    Path relative = dir.relativize(path);
                    files.put(relative, SourceFile.read(path, relative));
                }
            }
        }
        return files;
    }

    /** A chapter and its solution, e.g. chapters/03 and solutions/03. */
    private record Pair(Path root, int chapterNumber, Path chapterDir, Path solutionDir, List<String> problems) {

        Pair(Path root, String number) {
            this(root, Integer.parseInt(number), root.resolve("chapters").resolve(number), root.resolve("solutions").resolve(number),
                    new ArrayList<>());
        }

        List<String> check() throws IOException {
            // most solutions run the chapter's own tests; one whose exercises ARE tests carries its own src/test
            boolean withTests = Files.isDirectory(solutionDir.resolve("src/test"));
            Map<Path, SourceFile> stubs = readSources(chapterDir, withTests);
            Map<Path, SourceFile> solved = readSources(solutionDir, withTests);
            Map<String, Region> stubRegions = checkRegionsWellFormed(chapterDir, stubs);
            Map<String, Region> solvedRegions = checkRegionsWellFormed(solutionDir, solved);
            checkSameRegionIds(stubRegions, solvedRegions);

            for (Path file : stubs.keySet()) {
                if (!solved.containsKey(file)) {
                    problems.add(name(chapterDir, file) + " has no counterpart " + name(solutionDir, file));
                }
            }
            for (Path file : solved.keySet()) {
                SourceFile stub = stubs.get(file);
                if (stub == null) {
                    problems.add(name(solutionDir, file) + " has no counterpart " + name(chapterDir, file));
                } else if (stub.problems.isEmpty() && solved.get(file).problems.isEmpty()) {
                    // with broken markers the comparison below would only repeat the same mistake in other words
                    compareOutsideRegions(stub, solved.get(file));
                    checkRegionsSolved(stub, solved.get(file));
                }
            }
            return problems;
        }

        /** Reports broken markers, repeated ids and ids of another chapter; returns the regions by id. */
        private Map<String, Region> checkRegionsWellFormed(Path dir, Map<Path, SourceFile> files) {
            Map<String, Region> byId = new HashMap<>();
            for (SourceFile file : files.values()) {
                file.problems.forEach(problem -> problems.add(name(dir, file.relativePath) + ":" + problem));
                for (Region region : file.regions) {
                    String at = name(dir, region.file()) + ":" + region.startLine() + ": ";
                    Region earlier = byId.putIfAbsent(region.id(), region);
                    if (earlier != null) {
                        problems.add(at + "EXERCISE " + region.id() + " is already used at "
                                + name(dir, earlier.file()) + ":" + earlier.startLine() + "; ids are unique within a chapter");
                    }
                    int major = Integer.parseInt(region.id().substring(0, region.id().indexOf('.')));
                    if (major != chapterNumber) {
                        problems.add(at + "EXERCISE " + region.id() + " is in chapter " + chapterNumber
                                + "; its exercises are numbered " + chapterNumber + ".x");
                    }
                }
            }
            return byId;
        }

        private void checkSameRegionIds(Map<String, Region> stubRegions, Map<String, Region> solvedRegions) {
            missingRegions(chapterDir, stubRegions, solutionDir, solvedRegions);
            missingRegions(solutionDir, solvedRegions, chapterDir, stubRegions);
        }

        private void missingRegions(Path dir, Map<String, Region> regions, Path otherDir, Map<String, Region> otherRegions) {
            new TreeMap<>(regions).forEach((id, region) -> {
                if (!otherRegions.containsKey(id)) {
                    problems.add(name(dir, region.file()) + ":" + region.startLine() + ": EXERCISE " + id + " has no region in " + relative(otherDir));
                }
            });
        }

        /** Outside the regions, marker lines included, both files must be the same, byte for byte. */
        private void compareOutsideRegions(SourceFile stub, SourceFile solved) {
            List<Integer> stubLines = stub.lineNumbersOutsideRegions();
            List<Integer> solvedLines = solved.lineNumbersOutsideRegions();
            String stubAt = name(chapterDir, stub.relativePath) + ":";
            String solvedAt = name(solutionDir, solved.relativePath) + ":";
            // the first difference only: after an added or missing line, every later line would differ too
            for (int i = 0; i < Math.max(stubLines.size(), solvedLines.size()); i++) {
                if (i >= stubLines.size()) {
                    int line = solvedLines.get(i);
                    problems.add(solvedAt + line + ": outside exercise regions, only the solution has " + quoted(solved.line(line)));
                    return;
                }
                if (i >= solvedLines.size()) {
                    int line = stubLines.get(i);
                    problems.add(stubAt + line + ": outside exercise regions, only the chapter has " + quoted(stub.line(line)));
                    return;
                }
                String stubLine = stub.line(stubLines.get(i));
                String solvedLine = solved.line(solvedLines.get(i));
                if (!stubLine.equals(solvedLine)) {
                    problems.add(stubAt + stubLines.get(i) + " and " + solvedAt + solvedLines.get(i) + " differ outside exercise regions: "
                            + quoted(stubLine) + " vs " + quoted(solvedLine));
                    return;
                }
            }
        }

        /** A solution region that still holds the stub means the exercise was never actually solved. */
        private void checkRegionsSolved(SourceFile stub, SourceFile solved) {
            for (Region stubRegion : stub.regions) {
                for (Region solvedRegion : solved.regions) {
                    if (stubRegion.id().equals(solvedRegion.id()) && stub.body(stubRegion).equals(solved.body(solvedRegion))) {
                        problems.add(name(solutionDir, solved.relativePath) + ":" + solvedRegion.startLine()
                                + ": EXERCISE " + solvedRegion.id() + " is the same as in " + relative(chapterDir)
                                + "; the solution must fill it in");
                    }
                }
            }
        }

        private String relative(Path dir) {
            return Snippets.displayName(root, dir);
        }

        private String name(Path dir, Path file) {
            return Snippets.displayName(root, dir.resolve(file));
        }
    }

    /** Shows a carriage return as \r, since a CRLF line looks just like an LF line when printed. */
    private static String quoted(String line) {
        return "\"" + line.replace("\n", "").replace("\r", "\\r") + "\"";
    }

    /** One source file: its lines with their line endings (so the comparison is byte-exact) and its regions. */
    private static final class SourceFile {
        final Path relativePath;
        final List<String> lines;
        final List<Region> regions = new ArrayList<>();
        /** Each problem starts with the line number, e.g. {@code "12: END EXERCISE 3.1 without ..."}. */
        final List<String> problems = new ArrayList<>();

        private SourceFile(String text, Path relativePath) {
            this.relativePath = relativePath;
            // splitting after each \n keeps the line ends, so "\r\n" vs "\n" counts as a difference
            this.lines = List.of(text.split("(?<=\n)"));
            findRegions();
        }

        static SourceFile read(Path path, Path relativePath) throws IOException {
            return new SourceFile(new String(Files.readAllBytes(path), StandardCharsets.UTF_8), relativePath);
        }

        private void findRegions() {
            Region open = null;
            for (int number = 1; number <= lines.size(); number++) {
                String line = line(number);
                Matcher end = END.matcher(line);
                Matcher start = START.matcher(line);
                if (end.find()) {
                    String id = end.group(1);
                    if (open == null) {
                        problems.add(number + ": END EXERCISE " + id + " has no EXERCISE " + id + " before it");
                    } else if (!open.id().equals(id)) {
                        problems.add(number + ": END EXERCISE " + id + " closes EXERCISE " + open.id()
                                + " (line " + open.startLine() + "); start and end ids must match");
                        open = null;
                    } else {
                        regions.add(new Region(id, open.title(), relativePath, open.startLine(), number));
                        open = null;
                    }
                } else if (start.find()) {
                    if (open != null) {
                        problems.add(number + ": EXERCISE " + start.group(1) + " starts inside EXERCISE " + open.id()
                                + " (line " + open.startLine() + "); regions do not nest");
                    } else {
                        open = new Region(start.group(1), title(start.group(2)), relativePath, number, -1);
                    }
                }
            }
            if (open != null) {
                problems.add(open.startLine() + ": EXERCISE " + open.id() + " has no END EXERCISE " + open.id());
            }
        }

        /** "fetchAll turns failures into rows" from ": fetchAll turns failures into rows --%>". */
        private static String title(String afterId) {
            return afterId.replaceFirst("^\\s*[:.\\-–—]?\\s*", "")
                    .replaceFirst("\\s*(--%>|\\*/|-->)\\s*$", "")
                    .strip();
        }

        String line(int number) {
            return lines.get(number - 1);
        }

        /** The numbers of all lines not strictly inside a region. */
        List<Integer> lineNumbersOutsideRegions() {
            List<Integer> numbers = new ArrayList<>();
            int number = 1;
            for (Region region : regions) {
                while (number <= region.startLine()) {
                    numbers.add(number++);
                }
                number = region.endLine();
            }
            while (number <= lines.size()) {
                numbers.add(number++);
            }
            return numbers;
        }

        /** The text strictly between a region's markers. */
        String body(Region region) {
            return String.join("", lines.subList(region.startLine(), region.endLine() - 1));
        }
    }
}
