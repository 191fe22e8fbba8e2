package dev.asyncjavalin.tools;

import dev.asyncjavalin.tools.ExerciseCatalog.Catalog;
import dev.asyncjavalin.tools.ExerciseCatalog.Chapter;
import dev.asyncjavalin.tools.ExerciseCatalog.Exercise;
import dev.asyncjavalin.tools.ExerciseRegions.Region;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps {@code chapters/exercises.yaml} true to the code; {@code mvn install} runs it
 * (RepositoryIsConsistentTest).
 */
final class ExerciseCatalogCheck {

    /** An exercise test class: tagged "exercise", with a display name that starts with its id. */
    private static final Pattern EXERCISE_TEST = Pattern.compile(
            "@Tag\\(\"exercise\"\\)\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*@DisplayName\\(\"(\\d+\\.\\d+ [^\"]*)\"\\)");

    private ExerciseCatalogCheck() {
    }

    /**
     * Every way the catalog and the code disagree, one line each; empty when they agree. Each chapter
     * directory is listed once, each exercise in order, with its hints, a region in its file and
     * exercise test classes whose display names are its own; no region or exercise test is left out.
     */
    static List<String> check(Path repoRoot) throws IOException {
        Catalog catalog = ExerciseCatalog.load(repoRoot);
        List<String> problems = new ArrayList<>();
        Set<String> directories = ExerciseRegionsCheck.numberedDirectories(repoRoot.resolve("chapters"));
        Set<String> listed = new HashSet<>();
        String previousId = "0.0";
        for (Chapter chapter : catalog.chapters()) {
            if (!listed.add(chapter.number())) {
                problems.add(ExerciseCatalog.FILE + ": chapter " + chapter.number() + " is listed twice");
                continue;
            }
            if (!directories.contains(chapter.number())) {
                problems.add(ExerciseCatalog.FILE + ": chapter " + chapter.number() + ": there is no directory " + chapter.directory());
                continue;
            }
            Path chapterDir = repoRoot.resolve(chapter.directory());
            // each region with its file as the catalog names it, from the repository root
            Map<Region, String> regions = new LinkedHashMap<>();
            for (Region region : ExerciseRegionsCheck.regions(chapterDir)) {
                regions.put(region, Snippets.displayName(repoRoot, chapterDir.resolve(region.file())));
            }
            Map<String, String> tests = exerciseTests(chapterDir);
            for (Exercise exercise : chapter.exercises()) {
                String at = ExerciseCatalog.FILE + ": exercise " + exercise.id() + ": ";
                if (compareIds(previousId, exercise.id()) >= 0) {
                    problems.add(at + "comes after " + previousId + "; list each exercise once, in order");
                }
                previousId = exercise.id();
                if (!exercise.chapterNumber().equals(chapter.number())) {
                    problems.add(at + "is listed under chapter " + chapter.number() + "; its id says chapter " + exercise.chapterNumber());
                }
                if (exercise.hints().size() < 2 || exercise.hints().size() > 3 || exercise.hints().stream().anyMatch(String::isBlank)) {
                    problems.add(at + "has " + exercise.hints().size() + " hints; give two or three, none empty, from gentle to explicit");
                }
                if (regions.entrySet().stream().noneMatch(region -> region.getKey().id().equals(exercise.id())
                        && region.getValue().equals(exercise.file()))) {
                    problems.add(at + exercise.file() + " has no region EXERCISE " + exercise.id() + " ... END EXERCISE " + exercise.id());
                }
                if (exercise.tests().isEmpty()) {
                    problems.add(at + "names no tests");
                }
                for (String test : exercise.tests()) {
                    String name = tests.get(test);
                    if (name == null) {
                        problems.add(at + "test " + test + " is not a class in " + chapter.directory() + "/src/test/java"
                                + " with @Tag(\"exercise\") and @DisplayName(\"" + exercise.name() + "\")");
                    } else if (!name.equals(exercise.name())) {
                        problems.add(at + "test " + test + " is named \"" + name + "\"; the catalog says \"" + exercise.name() + "\"");
                    }
                }
            }
            regions.forEach((region, file) -> {
                if (catalog.exercise(region.id()).filter(exercise -> exercise.file().equals(file)).isEmpty()) {
                    problems.add(file + ":" + region.startLine() + ": EXERCISE " + region.id() + " is not listed in " + ExerciseCatalog.FILE
                            + " with this file");
                }
            });
            tests.forEach((test, name) -> {
                String id = name.substring(0, name.indexOf(' '));
                if (catalog.exercise(id).filter(exercise -> exercise.tests().contains(test)).isEmpty()) {
                    problems.add(test + " checks exercise " + id + " but is not among its tests in " + ExerciseCatalog.FILE);
                }
            });
        }
        directories.stream().filter(number -> !listed.contains(number))
                .forEach(number -> problems.add(ExerciseCatalog.FILE + ": chapters/" + number + " is not listed"));
        return problems;
    }

    /** The chapter's exercise test classes, by class name, with their display names ("3.1 fetchAll ..."). */
    private static Map<String, String> exerciseTests(Path chapterDir) throws IOException {
        Path testRoot = chapterDir.resolve("src/test/java");
        Map<String, String> found = new TreeMap<>();
        if (!Files.isDirectory(testRoot)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(testRoot)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher annotations = EXERCISE_TEST.matcher(Files.readString(file));
                if (annotations.find()) {
                    String relative = testRoot.relativize(file).toString().replace('\\', '/');
                    found.put(relative.substring(0, relative.length() - ".java".length()).replace('/', '.'), annotations.group(1));
                }
            }
        }
        return found;
    }

    /** "3.2" before "3.10": ids compare by their numbers, not as text. */
    static int compareIds(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
