package dev.asyncjavalin.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The course's list of exercises, {@code chapters/exercises.yaml}: for each chapter its exercises in
 * order, with the file that holds each one's region, the test classes that check it and its hints.
 * The course command and the README hints are read from it; tools' tests keep it true to the code
 * (ExerciseCatalogCheck).
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
}
