package dev.asyncjavalin.tools;

import dev.asyncjavalin.tools.ExerciseCatalog.Catalog;
import dev.asyncjavalin.tools.ExerciseCatalog.Chapter;
import dev.asyncjavalin.tools.ExerciseCatalog.Exercise;
import dev.asyncjavalin.tools.ExerciseRegions.Region;
import dev.asyncjavalin.tools.ExerciseRun.Result;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The wrong-answer corpus: answers a learner would plausibly write that look right and are wrong
 * (a blocked thread, an ignored deadline, a hard-coded value, ...), each kept in
 * {@code wrong-answers/<id>-<slug>.txt}:
 * <pre>
 * exercise: 4.2
 * why: ctx.async + join holds a thread of Javalin's async pool per waiting request
 * expect: held a thread
 * ---
 * ...the lines that replace the body of region 4.2...
 * </pre>
 * {@link #prove} puts each into the solved chapter (the solution's file, so every other exercise is
 * solved), compiles that one file, runs the exercise's check and requires it to fail with a message
 * that contains {@code expect}: a check that accepts the answer, or rejects it without naming the
 * mistake, is a problem.
 */
public final class WrongAnswers {

    public static final String DIRECTORY = "wrong-answers";
    /** Fewer than this many wrong answers for an exercise, and its check is not yet proved strict. */
    static final int AT_LEAST_PER_EXERCISE = 2;

    public record WrongAnswer(String file, String exercise, String why, String expect, List<String> body) {
    }

    /** The outcome of one wrong answer; {@code problem} is null when it was rejected as it should be. */
    public record Verdict(WrongAnswer answer, String message, String problem) {
    }

    private WrongAnswers() {
    }

    /** Every wrong answer in the corpus, in file-name order. */
    public static List<WrongAnswer> load(Path repoRoot) throws IOException {
        Path directory = repoRoot.resolve(DIRECTORY);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<WrongAnswer> answers = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                answers.add(parse(DIRECTORY + "/" + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return answers;
    }

    static WrongAnswer parse(String name, String text) throws IOException {
        List<String> lines = text.lines().toList();
        Map<String, String> header = new LinkedHashMap<>();
        int line = 0;
        for (; line < lines.size() && !lines.get(line).equals("---"); line++) {
            String[] keyValue = lines.get(line).split(":", 2);
            if (keyValue.length != 2 || !Set.of("exercise", "why", "expect").contains(keyValue[0])) {
                throw new IOException(name + ":" + (line + 1) + ": expected 'exercise:', 'why:' or 'expect:' before the '---' line");
            }
            header.put(keyValue[0], keyValue[1].strip());
        }
        for (String key : List.of("exercise", "why", "expect")) {
            if (header.getOrDefault(key, "").isEmpty()) {
                throw new IOException(name + ": '" + key + ":' is missing or empty");
            }
        }
        if (line >= lines.size() - 1) {
            throw new IOException(name + ": no answer after the '---' line");
        }
        return new WrongAnswer(name, header.get("exercise"), header.get("why"), header.get("expect"), lines.subList(line + 1, lines.size()));
    }

    /** What is wrong with the corpus itself: an unknown exercise, or an exercise with too few wrong answers. */
    public static List<String> check(Path repoRoot) throws IOException {
        Catalog catalog = ExerciseCatalog.load(repoRoot);
        List<String> problems = new ArrayList<>();
        List<WrongAnswer> answers;
        try {
            answers = load(repoRoot);
        } catch (IOException e) {
            return List.of(e.getMessage());
        }
        for (WrongAnswer answer : answers) {
            if (catalog.exercise(answer.exercise()).isEmpty()) {
                problems.add(answer.file() + ": no exercise " + answer.exercise() + " in " + ExerciseCatalog.FILE);
            }
        }
        for (Exercise exercise : catalog.exercises()) {
            long count = answers.stream().filter(answer -> answer.exercise().equals(exercise.id())).count();
            if (count < AT_LEAST_PER_EXERCISE) {
                problems.add("exercise " + exercise.id() + " has " + count + " wrong answer(s) in " + DIRECTORY
                        + "/, needs at least " + AT_LEAST_PER_EXERCISE);
            }
        }
        return problems;
    }

    /**
     * Proves every wrong answer rejected, a few chapters side by side; the chapters must have been
     * built ({@code solutions/NN/target}). A chapter newer than this JDK is left out, and said so.
     */
    public static List<Verdict> prove(Path repoRoot, int jdk, int parallelism) throws IOException {
        Catalog catalog = ExerciseCatalog.load(repoRoot);
        Map<String, List<WrongAnswer>> byChapter = new LinkedHashMap<>();
        for (WrongAnswer answer : load(repoRoot)) {
            String chapter = catalog.exercise(answer.exercise())
                    .orElseThrow(() -> new IOException(answer.file() + ": no exercise " + answer.exercise()))
                    .chapterNumber();
            byChapter.computeIfAbsent(chapter, number -> new ArrayList<>()).add(answer);
        }
        List<Callable<List<Verdict>>> work = new ArrayList<>();
        byChapter.forEach((number, answers) -> work.add(() -> {
            Chapter chapter = catalog.chapter(number).orElseThrow();
            List<Verdict> verdicts = new ArrayList<>();
            for (WrongAnswer answer : answers) {
                verdicts.add(chapter.requiredJdk() > jdk
                        ? new Verdict(answer, "skipped: chapter " + number + " needs JDK " + chapter.requiredJdk(), null)
                        : prove(repoRoot, catalog.exercise(answer.exercise()).orElseThrow(), chapter, answer));
            }
            return verdicts;
        }));
        return ExerciseRun.quietly(work, parallelism).stream().flatMap(List::stream).toList();
    }

    static Verdict prove(Path repoRoot, Exercise exercise, Chapter chapter, WrongAnswer answer) throws IOException {
        List<Path> classRoots = ExerciseRun.classRoots(repoRoot, "solutions/" + chapter.number());
        Path source = repoRoot.resolve(exercise.solutionFile());
        String text = Files.readString(source, StandardCharsets.UTF_8);
        Optional<Region> region = ExerciseRegions.region(text, exercise.file(), exercise.id());
        if (region.isEmpty()) {
            return new Verdict(answer, "", exercise.solutionFile() + " has no region " + exercise.id());
        }
        Path work = Files.createTempDirectory("wrong-answer-");
        try {
            Path changed = work.resolve("src").resolve(source.getFileName().toString());
            Files.createDirectories(changed.getParent());
            Files.writeString(changed, replaceBody(text, region.get(), answer.body()), StandardCharsets.UTF_8);
            Path compiled = work.resolve("classes");
            Files.createDirectories(compiled);
            String errors = compile(changed, compiled, classRoots, chapter.requiredJdk());
            if (errors != null) {
                return new Verdict(answer, "", answer.file() + " does not compile: " + errors);
            }
            List<Path> withAnswer = new ArrayList<>(List.of(compiled));
            withAnswer.addAll(classRoots);
            Result result = ExerciseRun.run(chapter.number(), List.of(exercise), withAnswer).get(0);
            return judge(answer, result);
        } finally {
            deleteTree(work);
        }
    }

    static Verdict judge(WrongAnswer answer, Result result) {
        if (result.done()) {
            return new Verdict(answer, "", answer.file() + ": ACCEPTED by the check of " + answer.exercise()
                    + " (" + result.passed() + " tests pass), but it is wrong: " + answer.why());
        } else if (!result.ran()) {
            return new Verdict(answer, "", answer.file() + ": " + result.firstFailure());
        }
        return result.failures().stream()
                .filter(failure -> failure.contains(answer.expect()))
                .findFirst()
                .map(named -> new Verdict(answer, named, null))
                .orElseGet(() -> new Verdict(answer, result.firstFailure(), answer.file()
                        + ": rejected, but no failure names the mistake ('" + answer.expect() + "'); first failure: "
                        + result.firstFailure()));
    }

    /** {@code text} with the lines between the region's two marker lines replaced by {@code body}. */
    static String replaceBody(String text, Region region, List<String> body) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        List<String> changed = new ArrayList<>(lines.subList(0, region.startLine()));
        changed.addAll(body);
        changed.addAll(lines.subList(region.endLine() - 1, lines.size()));
        return String.join("\n", changed) + "\n";
    }

    /** Compiles one file against the chapter's classes and this JVM's libraries; null when it compiled. */
    private static String compile(Path file, Path output, List<Path> chapterClasses, int release) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return "no Java compiler in this JVM (run it on a JDK, not a JRE)";
        }
        Set<String> classPath = new LinkedHashSet<>();
        chapterClasses.forEach(path -> classPath.add(path.toString()));
        classPath.addAll(FreshJvm.classPath(WrongAnswers.class.getClassLoader(), true));
        List<String> options = List.of("-d", output.toString(), "-cp", String.join(File.pathSeparator, classPath),
                "--release", String.valueOf(release), "-proc:none", "-encoding", "UTF-8", "-nowarn");
        StringWriter diagnostics = new StringWriter();
        var files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file);
        boolean ok = javac.getTask(diagnostics, null, null, options, null, files).call();
        return ok ? null : diagnostics.toString().lines().limit(4).reduce((a, b) -> a + " " + b).orElse("javac failed");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
