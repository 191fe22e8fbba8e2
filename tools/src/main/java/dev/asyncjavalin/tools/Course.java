package dev.asyncjavalin.tools;

import dev.asyncjavalin.tools.ExerciseCatalog.Catalog;
import dev.asyncjavalin.tools.ExerciseCatalog.Chapter;
import dev.asyncjavalin.tools.ExerciseCatalog.Exercise;
import dev.asyncjavalin.tools.ExerciseRun.Result;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The learner's course command and the maintainers' snippet sync, one picocli command. From the repository
 * root, after {@code mvn install}:
 * <pre>
 * ./course progress          every exercise, done or not, and the next one to do
 * ./course check 03          chapter 03's exercises, in a short summary
 * ./course hint 3.1          the next hint for exercise 3.1
 * ./course reset 3.1         exercise 3.1 back to its stub (--force when it holds your work)
 * ./course watch 03          check chapter 03 again whenever one of its files changes
 * mvn -q -pl tools exec:java -Dexec.args="snippets sync"     (or "snippets check")
 * </pre>
 * {@code ./course} is a shortcut for {@code mvn -q -pl tools exec:java -Dexec.args="..."}.
 * Exit status: 0 done, 1 not done (a check with unsolved exercises, a refused reset, problems found),
 * 2 a command line that was not understood.
 */
@Command(name = "./course")
public final class Course implements Callable<Integer> {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: ./course progress | check NN | hint ID [--again] | reset ID [--force] [--from GIT_REF] | watch NN",
            "  NN is a chapter (03), ID an exercise (3.1); ./course progress lists them all");
    static final String SNIPPETS_USAGE = "usage: mvn -pl tools exec:java -Dexec.args=\"snippets check | snippets sync\"";
    /** The maintainers' command: a command line they do not understand gets their usage, not the learner's. */
    static final String MAINTAINERS_COMMAND = "snippets";

    static final String HINT_LOG = ".course/hints.properties";

    /** Chapters whose tests run side by side in {@code progress}: they mostly wait, so 4 fit on 2 cores. */
    static final int PARALLEL_CHAPTERS = 4;

    private final Path root;
    private final PrintStream out;
    private final PrintStream err;
    private final ChapterBuild build;
    private final int jdk;

    @Option(names = {"-h", "--help"})
    private boolean helpAsked;

    Course(Path root, PrintStream out, PrintStream err, ChapterBuild build, int jdk) {
        this.root = root;
        this.out = out;
        this.err = err;
        this.build = build;
        this.jdk = jdk;
    }

    public static void main(String[] args) {
        Course course = new Course(defaultRoot(Path.of("").toAbsolutePath()), System.out, System.err,
                ChapterBuild.maven(), Runtime.version().feature());
        int status = course.run(List.of(args));
        System.out.flush();
        // exec:java runs inside Maven's JVM: a file check that passed returns, so as not to cut Maven short; anything
        // that ran a chapter's tests exits, since a thread one of them left behind would keep exec:java waiting
        if (status != 0 || !List.of(args).contains(MAINTAINERS_COMMAND)) {
            System.exit(status);
        }
    }

    /**
     * Parses the words with picocli and runs the subcommand (the {@code @Command} methods below). A
     * command line it does not understand gets picocli's own message and the usage, exit 2; a file
     * that cannot be read (a broken catalog, a git that says no) one line, exit 1.
     */
    int run(List<String> words) {
        CommandLine commandLine = new CommandLine(this).setExpandAtFiles(false).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.registerConverter(Chapter.class, this::chapter).registerConverter(Exercise.class, this::exercise);
        commandLine.setParameterExceptionHandler((e, args) -> {
            // "unknown chapter '42'; ...", not picocli's "Invalid value for positional parameter at index 0 (NN): unknown ..."
            if (e.getCause() instanceof IOException unreadable) {
                // a catalog that cannot be read is the course's problem, not the command line's: one line, exit 1
                err.println("error: " + unreadable.getMessage());
                return 1;
            }
            String problem = e.getMessage();
            String command = e.getCommandLine().getCommandName();
            if (e.getCause() instanceof TypeConversionException unknown) {
                problem = unknown.getMessage();
            } else if (e instanceof UnmatchedArgumentException unmatched) {
                // not picocli's "Unmatched argument at index 0: ..."
                problem = unmatched.getCommandLine() == commandLine ? "unknown command '" + unmatched.getUnmatched().get(0) + "'"
                        : command + " does not take '" + String.join(" ", unmatched.getUnmatched()) + "'";
            } else if (e instanceof MissingParameterException missing) {
                // "check needs one chapter, e.g. check 03", not picocli's "Missing required parameter: 'NN'"
                problem = switch (missing.getMissing().get(0).paramLabel()) {
                    case "NN" -> command + " needs one chapter, e.g. " + command + " 03";
                    case "ID" -> command + " needs one exercise, e.g. " + command + " 3.1";
                    case "GIT_REF" -> "--from needs a git commit, branch or tag, e.g. --from origin/main";
                    default -> problem;
                };
            }
            err.println(problem);
            err.println(command.equals(MAINTAINERS_COMMAND) ? SNIPPETS_USAGE : USAGE);
            return 2;
        });
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt(); // Ctrl+C during watch or reset: stop quietly
                return 1;
            }
            if (!(e instanceof IOException)) {
                throw e;
            }
            err.println("error: " + e.getMessage());
            return 1;
        });
        return commandLine.execute(words.toArray(String[]::new));
    }

    /** The chapter that "03" (or "3") names, for picocli: an unknown one is a usage error that lists the chapters. */
    private Chapter chapter(String name) throws IOException {
        Catalog catalog = ExerciseCatalog.load(root);
        return catalog.chapter(name).orElseThrow(() -> new TypeConversionException("unknown chapter '" + name + "'; the chapters are "
                + catalog.chapters().stream().map(Chapter::number).collect(Collectors.joining(", "))));
    }

    /** The exercise that "3.1" names, for picocli: an unknown one is a usage error that lists the exercises. */
    private Exercise exercise(String id) throws IOException {
        Catalog catalog = ExerciseCatalog.load(root);
        return catalog.exercise(id).orElseThrow(() -> new TypeConversionException("unknown exercise '" + id + "'; the exercises are "
                + catalog.exercises().stream().map(Exercise::id).collect(Collectors.joining(", "))));
    }

    /** No subcommand: the usage, as help or as a complaint. */
    @Override
    public Integer call() {
        return helpAsked ? help() : usage("no command given");
    }

    @Command(name = "help")
    int help() {
        out.println(USAGE);
        return 0;
    }

    // ---- progress -------------------------------------------------------------------------------

    @Command(name = "progress")
    int progress() throws IOException {
        Catalog catalog = ExerciseCatalog.load(root);
        List<Chapter> runnable = catalog.chapters().stream().filter(this::canRun).toList();
        out.println("Compiling chapters " + runnable.stream().map(Chapter::number).collect(Collectors.joining(", ")) + " ...");
        Map<String, String> notCompiled = build.compile(root, runnable);
        List<Chapter> compiled = runnable.stream().filter(chapter -> !notCompiled.containsKey(chapter.number())).toList();
        out.println("Running the exercise tests of " + compiled.size() + " chapters ...");
        Set<Exercise> done = ExerciseRun.runAll(root, compiled, PARALLEL_CHAPTERS).stream()
                .filter(Result::done).map(Result::exercise).collect(Collectors.toSet());
        int total = (int) catalog.exercises().stream().filter(exercise -> !exercise.isStretch()).count();
        int stretchTotal = catalog.exercises().size() - total;
        long stretchDone = done.stream().filter(Exercise::isStretch).count();
        long requiredDone = done.size() - stretchDone;
        out.println();
        out.println("Course progress: " + requiredDone + " of " + total + " exercises done"
                + (stretchTotal > 0 ? " (and " + stretchDone + " of " + stretchTotal + " optional stretch exercises)" : ""));
        out.println(bar(requiredDone, total) + "  " + Math.round(100.0 * requiredDone / total) + "%");
        Optional<Exercise> next = Optional.empty();
        for (Chapter chapter : catalog.chapters()) {
            out.println();
            out.println(chapter.number() + " · " + chapter.title());
            if (!canRun(chapter)) {
                out.println("  needs JDK " + chapter.requiredJdk() + "+ (this is JDK " + jdk + "): run the course command with "
                        + "JAVA_HOME set to JDK " + chapter.requiredJdk() + " or newer to check it");
            } else if (notCompiled.containsKey(chapter.number())) {
                out.println("  does not compile:");
                notCompiled.get(chapter.number()).lines().forEach(line -> out.println("    " + line));
            }
            for (Exercise exercise : chapter.exercises()) {
                String mark = "[x]";
                if (!canRun(chapter)) {
                    mark = "[-]"; // cannot be checked on this JDK
                } else if (!done.contains(exercise)) {
                    mark = "[ ]";
                    if (!exercise.isStretch()) {
                        next = next.or(() -> Optional.of(exercise));
                    }
                }
                out.println("  " + mark + " " + exercise.label());
            }
        }
        out.println();
        if (next.isPresent()) {
            Exercise exercise = next.get();
            out.println("Next: " + exercise.name());
            out.println("  read   " + catalog.chapterOf(exercise).directory() + "/README.md, section 'Exercise " + exercise.id() + "'");
            out.println("  edit   " + exercise.file() + " (the EXERCISE " + exercise.id() + " region)");
            out.println("  check  ./course check " + exercise.chapterNumber() + "    stuck? ./course hint " + exercise.id());
        } else if (requiredDone == total) {
            out.println("Every exercise is done. Well done: chapter 09's benchmark is yours to run on other machines now.");
        } else {
            out.println("Every exercise you can check on JDK " + jdk + " is done; the rest need a newer JDK.");
        }
        return 0;
    }

    /** A progress bar of 30 cells, e.g. {@code [█████░░░░░░░…]}. */
    static String bar(long done, int total) {
        int width = 30;
        int filled = total == 0 ? 0 : (int) Math.round((double) width * done / total);
        return "[" + "█".repeat(filled) + "░".repeat(width - filled) + "]";
    }

    private boolean canRun(Chapter chapter) {
        return chapter.requiredJdk() <= jdk;
    }

    // ---- check and watch ----------------------------------------------------------------------

    @Command(name = "check")
    int check(@Parameters(paramLabel = "NN") Chapter chapter) throws IOException {
        if (!canRun(chapter)) {
            out.println("Chapter " + chapter.number() + " needs JDK " + chapter.requiredJdk() + " or newer; this is JDK " + jdk
                    + ". Run the course command with JAVA_HOME set to JDK " + chapter.requiredJdk() + "+ to check it.");
            return 2;
        }
        long started = System.nanoTime();
        Map<String, String> notCompiled = build.compile(root, List.of(chapter));
        out.println();
        if (notCompiled.containsKey(chapter.number())) {
            out.println("Chapter " + chapter.number() + " · " + chapter.title() + ": does not compile");
            notCompiled.get(chapter.number()).lines().forEach(line -> out.println("  " + line));
            return 1;
        }
        List<Result> results = ExerciseRun.runAll(root, List.of(chapter), 1);
        long required = results.stream().filter(result -> !result.exercise().isStretch()).count();
        long done = results.stream().filter(result -> result.done() && !result.exercise().isStretch()).count();
        out.println("Chapter " + chapter.number() + " · " + chapter.title() + ": " + done + " of " + required + " exercises done"
                + (required < results.size() ? " (stretch exercises are optional)" : ""));
        for (Result result : results) {
            if (result.done()) {
                String tests = result.passed() == 1 ? " test" : " tests";
                out.println("  [x] " + result.exercise().label() + "  (" + result.passed() + tests + " pass)");
            } else {
                String counts = result.failed() > 0
                        ? "  (" + result.failed() + " of " + (result.passed() + result.failed()) + " tests fail)" : "";
                out.println("  [ ] " + result.exercise().label() + counts);
                out.println("        " + result.firstFailure());
            }
        }
        // a learner who has done every required exercise has finished the chapter: stretch ones stay optional
        Optional<Result> next = results.stream()
                .filter(result -> !result.done() && !result.exercise().isStretch()).findFirst();
        next.ifPresent(result -> out.println("Next: " + result.exercise().id() + " in " + result.exercise().file()
                + "    stuck? ./course hint " + result.exercise().id()));
        // the JVM's uptime includes Maven's own start, which the learner waits for too
        out.printf("(checked in %.1f s, %.1f s since ./course started)%n", (System.nanoTime() - started) / 1e9,
                ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
        return next.isPresent() ? 1 : 0;
    }

    @Command(name = "watch")
    int watch(@Parameters(paramLabel = "NN") Chapter chapter) throws IOException, InterruptedException {
        if (!canRun(chapter)) {
            return check(chapter);
        }
        try (ChapterWatch watch = new ChapterWatch(root.resolve(chapter.directory()).resolve("src"))) {
            while (true) {
                // each check in a JVM of its own: a failing test's leftover server ends with it
                FreshJvm.run(root, Course.class, List.of("check", chapter.number()));
                out.println();
                out.println("Watching " + chapter.directory() + "/src for changes (Ctrl+C to stop) ...");
                Set<Path> changed = watch.awaitChange();
                out.println("Changed: " + changed.stream().map(Path::toString).limit(5).collect(Collectors.joining(", ")));
            }
        }
    }

    // ---- hint -----------------------------------------------------------------------------------

    @Command(name = "hint")
    int hint(@Parameters(paramLabel = "ID") Exercise exercise, @Option(names = "--again") boolean again) throws IOException {
        // how many hints of each exercise the learner has seen: theirs, not the course's, so git ignores .course/
        Properties log = new Properties();
        Path logFile = root.resolve(HINT_LOG);
        if (Files.isRegularFile(logFile)) {
            try (Reader reader = Files.newBufferedReader(logFile)) {
                log.load(reader);
            }
        }
        int seen = 0;
        try {
            seen = again ? 0 : Math.max(0, Integer.parseInt(log.getProperty(exercise.id(), "0").strip()));
        } catch (NumberFormatException e) {
            // a hand-edited file with nonsense in it starts that exercise over
        }
        int count = exercise.hints().size();
        if (seen >= count) {
            out.println("No more hints for " + exercise.id() + ": you have seen all " + count + ".");
            out.println("The reference answer is in " + exercise.solutionFile() + " (the EXERCISE " + exercise.id()
                    + " region); ./course hint " + exercise.id() + " --again starts the hints over.");
            return 0;
        }
        out.println("Exercise " + exercise.name() + " · hint " + (seen + 1) + " of " + count);
        out.println();
        out.println(exercise.hints().get(seen));
        out.println();
        out.println(seen + 1 < count
                ? "(./course hint " + exercise.id() + " again for hint " + (seen + 2) + " of " + count + ")"
                : "That was the last hint for " + exercise.id() + ".");
        log.setProperty(exercise.id(), Integer.toString(seen + 1));
        Files.createDirectories(logFile.getParent());
        try (Writer writer = Files.newBufferedWriter(logFile)) {
            log.store(writer, "hints seen per exercise, written by the course command");
        }
        return 0;
    }

    // ---- reset ----------------------------------------------------------------------------------

    /** Puts one exercise region back the way git has it at {@code --from}; the rest of the file is left alone. */
    @Command(name = "reset")
    int reset(@Parameters(paramLabel = "ID") Exercise exercise, @Option(names = "--force") boolean force,
            @Option(names = "--from", paramLabel = "GIT_REF", defaultValue = "HEAD") String from) throws IOException, InterruptedException {
        String id = exercise.id();
        String file = exercise.file();
        Path path = root.resolve(file);
        if (!Files.isRegularFile(path)) {
            out.println(file + " does not exist; `git checkout -- " + file + "` brings it back as the course has it");
            return 1;
        }
        String stub = regionText(gitShow(from, file), file, id);
        String current = Files.readString(path, StandardCharsets.UTF_8);
        String mine = regionText(current, file, id);
        if (stub.isEmpty()) {
            out.println("the version of " + file + " in git (" + from + ") has no region EXERCISE " + id
                    + "; name another commit with --from");
            return 1;
        } else if (mine.isEmpty()) {
            out.println(file + " has lost the markers of EXERCISE " + id + " (or they are broken), so the region cannot be found; "
                    + "`git checkout -- " + file + "` restores the whole file, losing every change in it");
            return 1;
        } else if (mine.equals(stub)) {
            out.println("exercise " + id + " is already the original stub; nothing to reset");
            return 0;
        } else if (!force) {
            out.println("exercise " + id + " has your work in it (" + file + "); reset would throw it away. "
                    + "Run again with --force to reset it anyway.");
            return 1;
        }
        // the region's text, marker lines included, occurs once: ids are unique within a file
        Files.writeString(path, current.replace(mine, stub), StandardCharsets.UTF_8);
        out.println("exercise " + id + " is back to its stub in " + file + " (from " + from + ")");
        return 0;
    }

    /** Region {@code id} of a file's text, from its first marker line to its last, line ends included; "" when it has none. */
    private static String regionText(String text, String file, String id) {
        List<String> lines = List.of(text.split("(?<=\n)"));
        return ExerciseRegions.region(text, file, id)
                .map(region -> String.join("", lines.subList(region.startLine() - 1, region.endLine())))
                .orElse("");
    }

    /** {@code git show REF:file}: the course as shipped, whatever the learner has changed since. */
    private String gitShow(String ref, String file) throws IOException, InterruptedException {
        // git's errors go to a file: a pipe read only after the content could fill up and stall git
        Path errors = Files.createTempFile("course-git-", ".txt");
        try {
            Process git;
            try {
                git = new ProcessBuilder("git", "show", ref + ":" + file).directory(root.toFile()).redirectError(errors.toFile()).start();
            } catch (IOException noGit) {
                throw new IOException("reset needs git, and git could not be started (" + noGit.getMessage() + ")", noGit);
            }
            byte[] content = git.getInputStream().readAllBytes();
            if (git.waitFor() != 0) {
                String error = Files.readString(errors).lines().findFirst().orElse("git failed");
                // a bad --from is the learner's to fix; a folder that is no clone is the course's
                String hint = error.contains("not a git repository") ? " (reset needs the course as a git clone)" : "";
                throw new IOException("cannot read " + file + " at " + ref + " from git: " + error + hint);
            }
            return new String(content, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    // ---- the maintainers' command --------------------------------------------------------------

    enum SnippetsMode { CHECK, SYNC }

    /**
     * The one maintainers' check that is a command rather than a test: {@code sync} rewrites the copies
     * in READMEs and decks, and {@code check} is its dry run, to see what sync would leave to a person.
     * The other checks only assert, so they are tools' tests, which {@code mvn install} runs
     * (RepositoryIsConsistentTest).
     */
    @Command(name = "snippets")
    int snippets(@Parameters(paramLabel = "check|sync") SnippetsMode mode) throws IOException {
        if (mode == SnippetsMode.SYNC) {
            Snippets.sync(root).forEach(out::println);
            // what sync cannot fix (a missing file or tag) still needs a person
        }
        List<String> problems = Snippets.check(root);
        problems.forEach(out::println);
        if (problems.isEmpty()) {
            out.println("snippets: every include and every hint block matches its source");
        }
        return problems.isEmpty() ? 0 : 1;
    }

    /**
     * The repository root when none is given: the current directory, or its parent when started from
     * inside a module such as {@code tools/} (Maven's exec:java keeps the directory mvn was started in).
     */
    static Path defaultRoot(Path currentDirectory) {
        Path parent = currentDirectory.getParent();
        return !isCourseRoot(currentDirectory) && parent != null && isCourseRoot(parent) ? parent : currentDirectory;
    }

    private static boolean isCourseRoot(Path dir) {
        return Files.isDirectory(dir.resolve("chapters")) || Files.isDirectory(dir.resolve("lab"));
    }

    // ---- messages -------------------------------------------------------------------------------

    private int usage(String what) {
        err.println(what);
        err.println(USAGE);
        return 2;
    }
}
