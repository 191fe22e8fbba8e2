package dev.asyncjavalin.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

        /** {@code "3"}, {@code "03"} or {@code "chapters/03"} all name chapter 03. */
        public Optional<Chapter> chapter(String name) {
            String digits = name.replaceFirst("^chapters/", "").replaceFirst("/$", "");
            if (!digits.matches("\\d{1,2}")) {
                return Optional.empty();
            }
            String number = digits.length() == 1 ? "0" + digits : digits;
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

    /** The catalog cannot be read: the message says where and why, for a person to fix. */
    public static final class CatalogException extends IOException {
        CatalogException(String message) {
            super(message);
        }
    }

    /** From one idea in a few lines, to a method from its contract, to a whole piece from a spec; stretch is optional. */
    public static final List<String> LEVELS = List.of("warm-up", "core", "build-it", "stretch");
    private static final Pattern ID = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern CLASS_NAME = Pattern.compile("([a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_]*");
    /** An exercise test class: tagged "exercise", with a display name that starts with its id. */
    private static final Pattern EXERCISE_TEST = Pattern.compile(
            "@Tag\\(\"exercise\"\\)\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*@DisplayName\\(\"(\\d+\\.\\d+) ([^\"]*)\"\\)");

    private ExerciseCatalog() {
    }

    public static Catalog load(Path repoRoot) throws IOException {
        Path file = repoRoot.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new CatalogException(FILE + " does not exist (run the course command from the repository root)");
        }
        YAMLMapper mapper = YAMLMapper.builder()
                // a misspelt key ("hint:" for "hints:") must be an error, not a silently empty list
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        Catalog catalog;
        try {
            catalog = mapper.readValue(Files.readString(file), Catalog.class);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new CatalogException(FILE + where + ": " + e.getOriginalMessage());
        }
        if (catalog == null || catalog.chapters() == null) {
            throw new CatalogException(FILE + ": no 'chapters:' list");
        }
        for (Chapter chapter : catalog.chapters()) {
            if (chapter.number() == null || !chapter.number().matches("\\d\\d")) {
                throw new CatalogException(FILE + ": chapter number '" + chapter.number() + "' must be two digits, in quotes (\"03\")");
            }
            for (Exercise exercise : chapter.exercises()) {
                if (exercise.id() == null || !ID.matcher(exercise.id()).matches()) {
                    throw new CatalogException(FILE + ": chapter " + chapter.number() + ": exercise id '" + exercise.id()
                            + "' must look like \"3.1\", in quotes");
                }
                if (!LEVELS.contains(exercise.level())) {
                    throw new CatalogException(FILE + ": exercise " + exercise.id() + ": level '" + exercise.level()
                            + "' is not one of " + String.join(", ", LEVELS));
                }
                if (exercise.file() == null || exercise.title() == null) {
                    throw new CatalogException(FILE + ": exercise " + exercise.id() + " needs a title and a file");
                }
            }
        }
        return catalog;
    }

    /** Every way the catalog and the code disagree, one line each; empty when they agree. */
    public static List<String> check(Path repoRoot) throws IOException {
        Catalog catalog;
        try {
            catalog = load(repoRoot);
        } catch (CatalogException e) {
            return List.of(e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        Set<String> chapterDirectories = ExerciseRegions.numberedDirectories(repoRoot.resolve("chapters"));
        Set<String> listedChapters = new HashSet<>();
        Set<String> ids = new HashSet<>();
        String previousId = null;
        for (Chapter chapter : catalog.chapters()) {
            String at = FILE + ": chapter " + chapter.number() + ": ";
            Path chapterDir = repoRoot.resolve(chapter.directory());
            List<ExerciseRegions.Region> regions = Files.isDirectory(chapterDir) ? ExerciseRegions.regions(chapterDir) : List.of();
            if (!listedChapters.add(chapter.number())) {
                problems.add(at + "listed twice");
            }
            if (!chapterDirectories.contains(chapter.number())) {
                problems.add(at + "there is no directory " + chapter.directory());
            }
            for (Exercise exercise : chapter.exercises()) {
                String exerciseAt = FILE + ": exercise " + exercise.id() + ": ";
                if (!ids.add(exercise.id())) {
                    problems.add(exerciseAt + "listed twice");
                }
                if (!exercise.chapterNumber().equals(chapter.number())) {
                    problems.add(exerciseAt + "is listed under chapter " + chapter.number() + "; its id says chapter " + exercise.chapterNumber());
                }
                if (previousId != null && compareIds(previousId, exercise.id()) > 0) {
                    problems.add(exerciseAt + "comes after " + previousId + "; list exercises in order");
                }
                previousId = exercise.id();
                checkExercise(repoRoot, chapter, regions, exercise, problems);
            }
        }
        for (String number : chapterDirectories) {
            Path chapterDir = repoRoot.resolve("chapters").resolve(number);
            if (catalog.chapter(number).isEmpty()) {
                problems.add(FILE + ": chapters/" + number + " is not listed");
            }
            for (ExerciseRegions.Region region : ExerciseRegions.regions(chapterDir)) {
                String file = Snippets.displayName(repoRoot, chapterDir.resolve(region.file()));
                if (catalog.exercise(region.id()).filter(exercise -> exercise.file().equals(file)).isEmpty()) {
                    problems.add(file + ":" + region.startLine() + ": EXERCISE " + region.id() + " is not listed in " + FILE
                            + " with this file");
                }
            }
            for (ExerciseTest test : exerciseTestClasses(chapterDir)) {
                if (catalog.exercise(test.exerciseId()).filter(exercise -> exercise.tests().contains(test.className())).isEmpty()) {
                    problems.add(test.className() + " checks exercise " + test.exerciseId() + " but is not among its tests in " + FILE);
                }
            }
        }
        return problems;
    }

    private static void checkExercise(Path repoRoot, Chapter chapter, List<ExerciseRegions.Region> regions, Exercise exercise,
                                      List<String> problems) throws IOException {
        String at = FILE + ": exercise " + exercise.id() + ": ";
        if (exercise.title().isBlank()) {
            problems.add(at + "has no title");
        }
        if (exercise.hints().size() < 2 || exercise.hints().size() > 3) {
            problems.add(at + "has " + exercise.hints().size() + " hints; give two or three, from gentle to explicit");
        }
        if (exercise.hints().stream().anyMatch(String::isBlank)) {
            problems.add(at + "has an empty hint");
        }
        Path file = repoRoot.resolve(exercise.file()).normalize();
        if (!exercise.file().startsWith(chapter.directory() + "/src/")) {
            problems.add(at + "file " + exercise.file() + " is not under " + chapter.directory() + "/src/");
        } else if (!Files.isRegularFile(file)) {
            problems.add(at + "file " + exercise.file() + " does not exist");
        } else {
            Path relative = repoRoot.resolve(chapter.directory()).relativize(file);
            boolean hasRegion = regions.stream()
                    .anyMatch(region -> region.id().equals(exercise.id()) && region.file().equals(relative));
            if (!hasRegion) {
                problems.add(at + exercise.file() + " has no region EXERCISE " + exercise.id() + " ... END EXERCISE " + exercise.id());
            }
        }
        if (exercise.tests().isEmpty()) {
            problems.add(at + "names no tests");
        }
        for (String test : exercise.tests()) {
            if (!CLASS_NAME.matcher(test).matches()) {
                problems.add(at + "test '" + test + "' is not a class name such as dev.asyncjavalin.ch03.Exercise31Test");
                continue;
            }
            Path source = repoRoot.resolve(chapter.directory()).resolve("src/test/java").resolve(test.replace('.', '/') + ".java");
            if (!Files.isRegularFile(source)) {
                problems.add(at + "test " + test + " does not exist (no " + Snippets.displayName(repoRoot, source) + ")");
                continue;
            }
            Matcher annotations = EXERCISE_TEST.matcher(Files.readString(source));
            if (!annotations.find()) {
                problems.add(at + "test " + test + " needs @Tag(\"exercise\") and @DisplayName(\"" + exercise.name() + "\")");
            } else if (!annotations.group(1).equals(exercise.id()) || !annotations.group(2).equals(exercise.title())) {
                problems.add(at + "test " + test + " is named \"" + annotations.group(1) + " " + annotations.group(2)
                        + "\"; the catalog says \"" + exercise.name() + "\"");
            }
        }
    }

    /** A test class tagged "exercise" whose display name says which exercise it checks. */
    private record ExerciseTest(String className, String exerciseId) {
    }

    private static List<ExerciseTest> exerciseTestClasses(Path chapterDir) throws IOException {
        Path testRoot = chapterDir.resolve("src/test/java");
        List<ExerciseTest> found = new ArrayList<>();
        if (!Files.isDirectory(testRoot)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(testRoot)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                Matcher annotations = EXERCISE_TEST.matcher(Files.readString(file));
                if (annotations.find()) {
                    String relative = testRoot.relativize(file).toString().replace('\\', '/');
                    String className = relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
                    found.add(new ExerciseTest(className, annotations.group(1)));
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
