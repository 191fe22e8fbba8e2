package dev.asyncjavalin.tools;

import dev.asyncjavalin.tools.ExerciseRegions.Region;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The course's list of exercises, {@code chapters/exercises.yaml}: for each chapter its exercises in
 * order, with the file that holds each one's region, the test classes that check it and its hints.
 * The course command and the README hints are read from it; {@link #check} keeps it true to the code.
 */
public final class ExerciseCatalog {

    public static final String FILE = "chapters/exercises.yaml";

    public record Catalog(List<Chapter> chapters) {

        public List<Exercise> exercises() {
            return chapters.stream().flatMap(chapter -> chapter.exercises().stream()).toList();
        }

        public Optional<Exercise> exercise(String id) {
            return exercises().stream().filter(exercise -> exercise.id().equals(id)).findFirst();
        }

        /** {@code "3"}, {@code "03"} or {@code "chapters/03/"} (what a shell completes) names chapter 03. */
        public Optional<Chapter> chapter(String name) {
            String bare = name.replaceFirst("^chapters/", "").replaceFirst("/$", "");
            String number = bare.length() == 1 ? "0" + bare : bare;
            return chapters.stream().filter(chapter -> chapter.number().equals(number)).findFirst();
        }

        public Chapter chapterOf(Exercise exercise) {
            return chapter(exercise.chapterNumber()).orElseThrow();
        }
    }

    /** {@code jdk} is null for chapters that build on the course's baseline, JDK 17. */
    public record Chapter(String number, String title, Integer jdk, List<Exercise> exercises) {

        public Chapter {
            exercises = exercises == null ? List.of() : List.copyOf(exercises);
        }

        public String directory() {
            return "chapters/" + number;
        }

        public int requiredJdk() {
            return jdk == null ? 17 : jdk;
        }
    }

    /**
     * {@code file} is relative to the repository root, e.g. {@code chapters/03/src/main/java/.../PageCalls.java}.
     * {@code level} is one of {@link #LEVELS}; a catalog entry without one is a core exercise.
     */
    public record Exercise(String id, String title, String level, String file, List<String> tests, List<String> hints) {

        public Exercise {
            level = level == null ? "core" : level;
            tests = tests == null ? List.of() : List.copyOf(tests);
            hints = hints == null ? List.of() : hints.stream().map(String::strip).toList();
        }

        /** A stretch exercise is optional: progress counts it apart and never names it as the next one. */
        public boolean isStretch() {
            return level.equals("stretch");
        }

        /** The name, with the level where it is not a core exercise: "2.3 a fetcher ... (build it)". */
        public String label() {
            return switch (level) {
                case "warm-up" -> name() + "  (warm-up)";
                case "build-it" -> name() + "  (build it)";
                case "stretch" -> name() + "  (stretch, optional)";
                default -> name();
            };
        }

        /** "03" for exercise "3.1". */
        public String chapterNumber() {
            String major = id.substring(0, id.indexOf('.'));
            return major.length() == 1 ? "0" + major : major;
        }

        /** The same file in the reference solution. */
        public String solutionFile() {
            return file.replaceFirst("^chapters/", "solutions/");
        }

        public String name() {
            return id + " " + title;
        }
    }

    /** From one idea in a few lines, to a method from its contract, to a whole piece from a spec; stretch is optional. */
    public static final List<String> LEVELS = List.of("warm-up", "core", "build-it", "stretch");
    private static final Pattern ID = Pattern.compile("\\d+\\.\\d+");
    /** An exercise test class: tagged "exercise", with a display name that starts with its id. */
    private static final Pattern EXERCISE_TEST = Pattern.compile(
            "@Tag\\(\"exercise\"\\)\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*@DisplayName\\(\"(\\d+\\.\\d+ [^\"]*)\"\\)");
    /** A misspelt key ("hint:" for "hints:") must be an error, not a silently empty list. */
    private static final YAMLMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private ExerciseCatalog() {
    }

    /** The catalog, or an IOException whose message names the file, and the line where the YAML says. */
    public static Catalog load(Path repoRoot) throws IOException {
        Path file = repoRoot.resolve(FILE);
        require(Files.isRegularFile(file), FILE + " does not exist (run the course command from the repository root)");
        Catalog catalog;
        try {
            catalog = YAML.readValue(Files.readString(file), Catalog.class);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new IOException(FILE + where + ": " + e.getOriginalMessage());
        }
        require(catalog != null && catalog.chapters() != null, FILE + ": no 'chapters:' list");
        for (Chapter chapter : catalog.chapters()) {
            String at = FILE + ": chapter " + chapter.number() + ": ";
            require(String.valueOf(chapter.number()).matches("\\d\\d"), at + "the number must be two digits, in quotes (\"03\")");
            for (Exercise exercise : chapter.exercises()) {
                require(ID.matcher(String.valueOf(exercise.id())).matches(),
                        at + "exercise id '" + exercise.id() + "' must look like \"3.1\", in quotes");
                require(LEVELS.contains(exercise.level()), at + "exercise " + exercise.id() + ": level '" + exercise.level()
                        + "' is not one of " + String.join(", ", LEVELS));
                require(exercise.file() != null && exercise.title() != null && !exercise.title().isBlank(),
                        at + "exercise " + exercise.id() + " needs a title and a file");
            }
        }
        return catalog;
    }

    private static void require(boolean condition, String otherwise) throws IOException {
        if (!condition) {
            throw new IOException(otherwise);
        }
    }

    /**
     * Every way the catalog and the code disagree, one line each; empty when they agree. Each chapter
     * directory is listed once, each exercise in order, with its hints, a region in its file and
     * exercise test classes whose display names are its own; no region or exercise test is left out.
     */
    public static List<String> check(Path repoRoot) throws IOException {
        Catalog catalog = load(repoRoot);
        List<String> problems = new ArrayList<>();
        Set<String> directories = ExerciseRegions.numberedDirectories(repoRoot.resolve("chapters"));
        Set<String> listed = new HashSet<>();
        String previousId = "0.0";
        for (Chapter chapter : catalog.chapters()) {
            if (!listed.add(chapter.number())) {
                problems.add(FILE + ": chapter " + chapter.number() + " is listed twice");
                continue;
            } else if (!directories.contains(chapter.number())) {
                problems.add(FILE + ": chapter " + chapter.number() + ": there is no directory " + chapter.directory());
                continue;
            }
            Path chapterDir = repoRoot.resolve(chapter.directory());
            // each region with its file as the catalog names it, from the repository root
            Map<Region, String> regions = new LinkedHashMap<>();
            for (Region region : ExerciseRegions.regions(chapterDir)) {
                regions.put(region, Snippets.displayName(repoRoot, chapterDir.resolve(region.file())));
            }
            Map<String, String> tests = exerciseTests(chapterDir);
            for (Exercise exercise : chapter.exercises()) {
                String at = FILE + ": exercise " + exercise.id() + ": ";
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
                    problems.add(file + ":" + region.startLine() + ": EXERCISE " + region.id() + " is not listed in " + FILE
                            + " with this file");
                }
            });
            tests.forEach((test, name) -> {
                String id = name.substring(0, name.indexOf(' '));
                if (catalog.exercise(id).filter(exercise -> exercise.tests().contains(test)).isEmpty()) {
                    problems.add(test + " checks exercise " + id + " but is not among its tests in " + FILE);
                }
            });
        }
        directories.stream().filter(number -> !listed.contains(number))
                .forEach(number -> problems.add(FILE + ": chapters/" + number + " is not listed"));
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
