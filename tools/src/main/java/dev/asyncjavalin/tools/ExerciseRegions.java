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
 * answer, and a fix made to one side only is caught. Main and test sources are compared alike:
 * every solution keeps its own copy of its chapter's tests.
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
    private static final Pattern CHAPTER_NUMBER = Pattern.compile("\\d\\d");

    private ExerciseRegions() {
    }

    /** Every well-formed exercise region under {@code chapterDir/src}, by file and line. */
    public static List<Region> regions(Path chapterDir) throws IOException {
        return readSources(chapterDir).values().stream().flatMap(file -> file.regions.stream()).toList();
    }

    /**
     * Region {@code id} of one file's text (a file on disk or a version of it from git), found by the
     * same rules as {@link #regions}; empty when the file has no such region with well-formed markers.
     */
    static Optional<Region> region(String text, String file, String id) {
        return new SourceFile(text, Path.of(file)).regions.stream().filter(region -> region.id().equals(id)).findFirst();
    }

    /** Problems of every chapter/solution pair; a chapter without a solution, or the reverse, is one too. */
    public static List<String> check(Path repoRoot) throws IOException {
        SortedSet<String> numbers = numberedDirectories(repoRoot.resolve("chapters"));
        numbers.addAll(numberedDirectories(repoRoot.resolve("solutions")));
        List<String> problems = new ArrayList<>();
        for (String number : numbers) {
            Path chapterDir = repoRoot.resolve("chapters").resolve(number);
            Path solutionDir = repoRoot.resolve("solutions").resolve(number);
            if (!Files.isDirectory(solutionDir)) {
                problems.add(name(repoRoot, chapterDir) + " has no " + name(repoRoot, solutionDir));
            } else if (!Files.isDirectory(chapterDir)) {
                problems.add(name(repoRoot, solutionDir) + " has no " + name(repoRoot, chapterDir));
            } else {
                checkPair(repoRoot, chapterDir, solutionDir, problems);
            }
        }
        return problems;
    }

    private static void checkPair(Path repoRoot, Path chapterDir, Path solutionDir, List<String> problems) throws IOException {
        Map<Path, SourceFile> stubs = readSources(chapterDir);
        Map<Path, SourceFile> solved = readSources(solutionDir);
        Map<String, Region> stubRegions = wellFormedRegions(repoRoot, chapterDir, stubs, problems);
        Map<String, Region> solvedRegions = wellFormedRegions(repoRoot, solutionDir, solved, problems);
        missingRegions(repoRoot, chapterDir, stubRegions, solutionDir, solvedRegions, problems);
        missingRegions(repoRoot, solutionDir, solvedRegions, chapterDir, stubRegions, problems);
        for (Path file : stubs.keySet()) {
            if (!solved.containsKey(file)) {
                problems.add(name(repoRoot, chapterDir.resolve(file)) + " has no counterpart " + name(repoRoot, solutionDir.resolve(file)));
            }
        }
        for (Path file : solved.keySet()) {
            SourceFile stub = stubs.get(file);
            SourceFile answer = solved.get(file);
            if (stub == null) {
                problems.add(name(repoRoot, solutionDir.resolve(file)) + " has no counterpart " + name(repoRoot, chapterDir.resolve(file)));
            } else if (stub.problems.isEmpty() && answer.problems.isEmpty()) {
                // with broken markers the comparison would only repeat the same mistake in other words
                String stubAt = name(repoRoot, chapterDir.resolve(file)) + ":";
                String answerAt = name(repoRoot, solutionDir.resolve(file)) + ":";
                firstDifferenceOutsideRegions(stub, stubAt, answer, answerAt).ifPresent(problems::add);
                for (Region region : answer.regions) {
                    // a solution region that still holds the stub was never actually solved
                    if (stub.regions.stream().anyMatch(r -> r.id().equals(region.id()) && stub.body(r).equals(answer.body(region)))) {
                        problems.add(answerAt + region.startLine() + ": EXERCISE " + region.id() + " is the same as in "
                                + name(repoRoot, chapterDir) + "; the solution must fill it in");
                    }
                }
            }
        }
    }

    /** Reports broken markers and repeated ids; returns the regions by id. */
    private static Map<String, Region> wellFormedRegions(Path repoRoot, Path dir, Map<Path, SourceFile> files, List<String> problems) {
        Map<String, Region> byId = new HashMap<>();
        for (SourceFile file : files.values()) {
            file.problems.forEach(problem -> problems.add(name(repoRoot, dir.resolve(file.relativePath)) + ":" + problem));
            for (Region region : file.regions) {
                Region earlier = byId.putIfAbsent(region.id(), region);
                if (earlier != null) {
                    problems.add(name(repoRoot, dir.resolve(region.file())) + ":" + region.startLine() + ": EXERCISE " + region.id()
                            + " is already used at " + name(repoRoot, dir.resolve(earlier.file())) + ":" + earlier.startLine()
                            + "; ids are unique within a chapter");
                }
            }
        }
        return byId;
    }

    private static void missingRegions(Path repoRoot, Path dir, Map<String, Region> regions, Path otherDir, Map<String, Region> others,
                                       List<String> problems) {
        new TreeMap<>(regions).forEach((id, region) -> {
            if (!others.containsKey(id)) {
                problems.add(name(repoRoot, dir.resolve(region.file())) + ":" + region.startLine() + ": EXERCISE " + id
                        + " has no region in " + name(repoRoot, otherDir));
            }
        });
    }

    /** Outside the regions, marker lines included, both files must be the same, byte for byte; the first difference, if any. */
    private static Optional<String> firstDifferenceOutsideRegions(SourceFile stub, String stubAt, SourceFile solved, String solvedAt) {
        List<Integer> stubLines = stub.lineNumbersOutsideRegions();
        List<Integer> solvedLines = solved.lineNumbersOutsideRegions();
        int i = 0;
        while (i < stubLines.size() && i < solvedLines.size() && stub.line(stubLines.get(i)).equals(solved.line(solvedLines.get(i)))) {
            i++;
        }
        // the first difference only: after an added or missing line, every later line would differ too
        if (i < stubLines.size() && i < solvedLines.size()) {
            return Optional.of(stubAt + stubLines.get(i) + " and " + solvedAt + solvedLines.get(i) + " differ outside exercise regions: "
                    + quoted(stub.line(stubLines.get(i))) + " vs " + quoted(solved.line(solvedLines.get(i))));
        } else if (i < solvedLines.size()) {
            int line = solvedLines.get(i);
            return Optional.of(solvedAt + line + ": outside exercise regions, only the solution has " + quoted(solved.line(line)));
        } else if (i < stubLines.size()) {
            int line = stubLines.get(i);
            return Optional.of(stubAt + line + ": outside exercise regions, only the chapter has " + quoted(stub.line(line)));
        }
        return Optional.empty();
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

    /** The files under {@code dir/src/main} and {@code dir/src/test}, keyed and sorted by their path relative to {@code dir}. */
    private static Map<Path, SourceFile> readSources(Path dir) throws IOException {
        Map<Path, SourceFile> files = new TreeMap<>();
        for (Path root : List.of(dir.resolve("src/main"), dir.resolve("src/test"))) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> paths = Files.walk(root)) {
                    for (Path path : paths.filter(Files::isRegularFile).toList()) {
                        String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
                        files.put(dir.relativize(path), new SourceFile(text, dir.relativize(path)));
                    }
                }
            }
        }
        return files;
    }

    private static String name(Path repoRoot, Path path) {
        return Snippets.displayName(repoRoot, path);
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
