package dev.asyncjavalin.tools;

import dev.asyncjavalin.tools.ExerciseCatalog.Catalog;
import dev.asyncjavalin.tools.ExerciseCatalog.Chapter;
import dev.asyncjavalin.tools.ExerciseCatalog.Exercise;
import dev.asyncjavalin.tools.ExerciseRegions.Region;
import dev.asyncjavalin.tools.ExerciseRun.Result;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
final class WrongAnswers {

    static final String DIRECTORY = "wrong-answers";
    /** Fewer than this many wrong answers for an exercise, and its check is not yet proved strict. */
    static final int AT_LEAST_PER_EXERCISE = 2;
    /** The three header lines in this order, each with a value, then {@code ---} and at least one line of answer. */
    private static final Pattern FORMAT = Pattern.compile(
            "exercise: *(\\S+)\\Rwhy: *(\\S[^\\r\\n]*)\\Rexpect: *(\\S[^\\r\\n]*)\\R---\\R(.*\\S.*)", Pattern.DOTALL);

    record WrongAnswer(String file, String exercise, String why, String expect, List<String> body) {
    }

    /** The outcome of one wrong answer: {@code mark} is [x] when it was rejected as it should be, [-] skipped, [!] a problem. */
    record Verdict(WrongAnswer answer, String mark, String message) {

        static Verdict problem(WrongAnswer answer, String message) {
            return new Verdict(answer, "[!]", message);
        }
    }

    private WrongAnswers() {
    }

    /** Every wrong answer in the corpus, in file-name order. */
    static List<WrongAnswer> load(Path repoRoot) throws IOException {
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
        Matcher parts = FORMAT.matcher(text);
        if (!parts.matches()) {
            throw new IOException(name + ": expected the lines 'exercise: N.M', 'why: ...' and 'expect: ...', then '---' and the answer");
        }
        return new WrongAnswer(name, parts.group(1), parts.group(2).strip(), parts.group(3).strip(), parts.group(4).lines().toList());
    }

    /** What is wrong with the corpus itself: an unknown exercise, or an exercise with too few wrong answers. */
    static List<String> check(Path repoRoot) throws IOException {
        Catalog catalog = ExerciseCatalog.load(repoRoot);
        List<WrongAnswer> answers = load(repoRoot);
        List<String> problems = new ArrayList<>();
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
     * Proves the wrong answers rejected, a few chapters side by side; the solutions must have been
     * built ({@code solutions/NN/target}). A chapter newer than this JDK is left out, and said so.
     * A verdict's message does not name the answer's file: whoever prints it does.
     */
    static List<Verdict> prove(Path repoRoot, List<WrongAnswer> wrongAnswers, int jdk, int parallelism) throws IOException {
        Catalog catalog = ExerciseCatalog.load(repoRoot);
        Map<String, List<WrongAnswer>> byChapter = new TreeMap<>();
        for (WrongAnswer answer : wrongAnswers) {
            Exercise exercise = catalog.exercise(answer.exercise())
                    .orElseThrow(() -> new IOException(answer.file() + ": no exercise " + answer.exercise()));
            byChapter.computeIfAbsent(exercise.chapterNumber(), number -> new ArrayList<>()).add(answer);
        }
        List<Callable<List<Verdict>>> work = new ArrayList<>();
        byChapter.forEach((number, answers) -> work.add(() -> {
            Chapter chapter = catalog.chapter(number).orElseThrow();
            List<Verdict> verdicts = new ArrayList<>();
            for (WrongAnswer answer : answers) {
                if (chapter.requiredJdk() > jdk) {
                    verdicts.add(new Verdict(answer, "[-]", "skipped: chapter " + number + " needs JDK " + chapter.requiredJdk()));
                    continue;
                }
                try {
                    verdicts.add(prove(repoRoot, catalog.exercise(answer.exercise()).orElseThrow(), chapter, answer));
                } catch (IOException e) {
                    // an unbuilt solution or a missing region is this answer's problem; the others are still proved
                    verdicts.add(Verdict.problem(answer, e.getMessage()));
                }
            }
            return verdicts;
        }));
        return ExerciseRun.quietly(work, parallelism).stream().flatMap(List::stream).toList();
    }

    static Verdict prove(Path repoRoot, Exercise exercise, Chapter chapter, WrongAnswer answer) throws IOException {
        List<Path> classRoots = ExerciseRun.classRoots(repoRoot, "solutions/" + chapter.number());
        Path source = repoRoot.resolve(exercise.solutionFile());
        String text = Files.readString(source, StandardCharsets.UTF_8);
        Region region = ExerciseRegions.region(text, exercise.file(), exercise.id())
                .orElseThrow(() -> new IOException(exercise.solutionFile() + " has no region " + exercise.id()));
        // the changed file and its classes in a folder put first on the class path: they shadow the solution's
        Path work = Files.createTempDirectory("wrong-answer-");
        try {
            Path changed = work.resolve(source.getFileName().toString());
            Files.writeString(changed, replaceBody(text, region, answer.body()), StandardCharsets.UTF_8);
            String errors = compile(changed, work, classRoots, chapter.requiredJdk());
            if (errors != null) {
                return Verdict.problem(answer, "does not compile: " + errors);
            }
            List<Path> withAnswer = new ArrayList<>(List.of(work));
            withAnswer.addAll(classRoots);
            return judge(answer, ExerciseRun.run(chapter.number(), List.of(exercise), withAnswer).get(0));
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    static Verdict judge(WrongAnswer answer, Result result) {
        if (result.done()) {
            return Verdict.problem(answer, "ACCEPTED by the check of " + answer.exercise()
                    + " (" + result.passed() + " tests pass), but it is wrong: " + answer.why());
        } else if (!result.ran()) {
            return Verdict.problem(answer, result.firstFailure());
        }
        return result.failures().stream()
                .filter(failure -> failure.contains(answer.expect()))
                .findFirst()
                .map(named -> new Verdict(answer, "[x]", named))
                .orElseGet(() -> Verdict.problem(answer, "rejected, but no failure names the mistake ('"
                        + answer.expect() + "'); first failure: " + result.firstFailure()));
    }

    /** {@code text} with the lines between the region's two marker lines replaced by {@code body}. */
    static String replaceBody(String text, Region region, List<String> body) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        List<String> changed = new ArrayList<>(lines.subList(0, region.startLine()));
        changed.addAll(body);
        changed.addAll(lines.subList(region.endLine() - 1, lines.size()));
        return String.join("\n", changed) + "\n";
    }

    /** Compiles one file against the chapter's classes and this JVM's libraries; null when it compiled, else javac's first lines. */
    private static String compile(Path file, Path output, List<Path> chapterClasses, int release) {
        List<String> classPath = new ArrayList<>();
        chapterClasses.forEach(path -> classPath.add(path.toString()));
        // Surefire sets java.class.path to the test class path, which has the chapters' libraries (tools' runtime dependencies)
        classPath.add(System.getProperty("java.class.path"));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this JVM (" + System.getProperty("java.home") + "): run with a JDK");
        }
        int status = javac.run(null, null, errors, "-d", output.toString(),
                "-cp", String.join(File.pathSeparator, classPath), "--release", String.valueOf(release),
                "-proc:none", "-encoding", "UTF-8", "-nowarn", file.toString());
        return status == 0 ? null : errors.toString(StandardCharsets.UTF_8).lines().limit(4).collect(Collectors.joining(" "));
    }
}
