package dev.asyncjavalin.tools;

import dev.asyncjavalin.tools.ExerciseRegions.Region;
import dev.asyncjavalin.tools.ExerciseRegions.SourceFile;
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
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks that each learner workspace {@code chapters/NN} and its reference solution
 * {@code solutions/NN} are the same code except inside exercise regions ({@link ExerciseRegions}).
 * A learner who compares their work with the solution then sees nothing but the answer, and a fix
 * made to one side only is caught. Main and test sources are compared alike: every solution keeps
 * its own copy of its chapter's tests. {@code mvn install} runs it (RepositoryIsConsistentTest).
 */
final class ExerciseRegionsCheck {

    private static final Pattern CHAPTER_NUMBER = Pattern.compile("\\d\\d");

    private ExerciseRegionsCheck() {
    }

    /** Problems of every chapter/solution pair; a chapter without a solution, or the reverse, is one too. */
    static List<String> check(Path repoRoot) throws IOException {
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
                    if (stub.regions.stream().anyMatch(r -> r.id().equals(region.id()) && body(stub, r).equals(body(answer, region)))) {
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
        List<Integer> stubLines = lineNumbersOutsideRegions(stub);
        List<Integer> solvedLines = lineNumbersOutsideRegions(solved);
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

    /** Every well-formed exercise region under {@code chapterDir/src}, by file and line. */
    static List<Region> regions(Path chapterDir) throws IOException {
        return readSources(chapterDir).values().stream().flatMap(file -> file.regions.stream()).toList();
    }

    /** The numbers of all lines not strictly inside a region. */
    private static List<Integer> lineNumbersOutsideRegions(SourceFile file) {
        List<Integer> numbers = new ArrayList<>();
        int number = 1;
        for (Region region : file.regions) {
            while (number <= region.startLine()) {
                numbers.add(number++);
            }
            number = region.endLine();
        }
        while (number <= file.lines.size()) {
            numbers.add(number++);
        }
        return numbers;
    }

    /** The text strictly between a region's markers. */
    private static String body(SourceFile file, Region region) {
        return String.join("", file.lines.subList(region.startLine(), region.endLine() - 1));
    }
}
