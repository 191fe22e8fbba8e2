package dev.asyncjavalin.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * The course checks from the command line. From the repository root:
 * <pre>
 * mvn -q -pl tools exec:java -Dexec.args="snippets sync"
 * </pre>
 * Exit status: 0 all good, 1 problems found (each printed), 2 the command line was not understood.
 */
public final class CourseChecks {

    static final String USAGE =
            "usage: CourseChecks [--root DIR] snippets check | snippets sync | regions | exercises | wrong-answers | results MODULE_DIR fail|pass";

    private CourseChecks() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (List.of(args).contains("wrong-answers") || List.of(args).contains("results")) {
            // the chapters' tests ran in this JVM: a thread one of them left behind (a failing stub's test may
            // leave its app running) must not keep exec:java waiting
            System.out.flush();
            System.exit(status);
        }
        // exec:java runs inside Maven's own JVM: exiting on success would cut Maven short, so only exit on failure
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return new CommandLine(new Checks(out, err)).setExpandAtFiles(false)
                .setParameterExceptionHandler((e, words) -> usage(err, e.getCommandLine().getParent() == null
                        ? "unknown command '" + String.join(" ", words) + "'" : e.getMessage()))
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    if (!(e instanceof IOException)) {
                        throw e;
                    }
                    err.println("error: " + e.getMessage());
                    return 1;
                })
                .execute(args);
    }

    /** The checks as picocli subcommands; {@code --root} may come before or after them. */
    @Command(name = "CourseChecks")
    static final class Checks implements Callable<Integer> {
        private final PrintStream out;
        private final PrintStream err;

        @Option(names = "--root", scope = ScopeType.INHERIT)
        private Path root;

        Checks(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        private Path root() {
            return root == null ? defaultRoot(Path.of("").toAbsolutePath()) : root.toAbsolutePath().normalize();
        }

        @Override
        public Integer call() {
            return usage(err, "no command given");
        }

        @Command(name = "snippets")
        int snippets(@Parameters(paramLabel = "check|sync") String mode) throws IOException {
            String allGood = "snippets: every include and every hint block matches its source";
            if (mode.equals("sync")) {
                Snippets.sync(root()).forEach(out::println);
                ReadmeHints.sync(root()).forEach(out::println);
                // what sync cannot fix (a missing file or tag) still needs a person
            } else if (!mode.equals("check")) {
                return usage(err, "unknown command 'snippets " + mode + "'");
            }
            return report(out, snippetProblems(root()), allGood);
        }

        @Command(name = "exercises")
        int exercises() throws IOException {
            return report(out, ExerciseCatalog.check(root()), ExerciseCatalog.FILE + ": agrees with every exercise region and test");
        }

        @Command(name = "wrong-answers")
        int wrongAnswers() throws IOException {
            return CourseChecks.wrongAnswers(root(), out);
        }

        @Command(name = "regions")
        int regions() throws IOException {
            return report(out, ExerciseRegions.check(root()), "regions: chapters and solutions differ only inside exercise regions");
        }

        @Command(name = "results")
        int results(@Parameters(paramLabel = "MODULE_DIR") String module, @Parameters(paramLabel = "fail|pass") String expectation)
                throws IOException {
            ExerciseResults.Expectation expected;
            try {
                expected = ExerciseResults.Expectation.parse(expectation);
            } catch (IllegalArgumentException e) {
                return usage(err, "expected 'fail' or 'pass', got '" + expectation + "'");
            }
            ExerciseResults.Report results = ExerciseResults.check(root(), module, expected);
            results.exercises().forEach(out::println);
            out.println(results.summary());
            return report(out, results.problems(), null);
        }
    }

    /** Every wrong answer in the corpus must be rejected by its exercise's check, with a message naming the mistake. */
    private static int wrongAnswers(Path root, PrintStream out) throws IOException {
        List<String> problems = new ArrayList<>(WrongAnswers.check(root));
        long started = System.nanoTime();
        List<WrongAnswers.Verdict> verdicts = WrongAnswers.prove(root, Runtime.version().feature(), Course.PARALLEL_CHAPTERS);
        for (WrongAnswers.Verdict verdict : verdicts) {
            String mark = verdict.problem() != null ? "[!]" : verdict.message().startsWith("skipped") ? "[-]" : "[x]";
            out.println(mark + " " + verdict.answer().file() + ": " + (verdict.problem() != null ? verdict.problem() : verdict.message()));
            if (verdict.problem() != null) {
                problems.add(verdict.problem());
            }
        }
        long rejected = verdicts.stream().filter(v -> v.problem() == null && !v.message().startsWith("skipped")).count();
        out.printf("wrong answers: %d of %d rejected with a message naming the mistake (%.1f s)%n",
                rejected, verdicts.size(), (System.nanoTime() - started) / 1e9);
        return report(out, problems, null);
    }

    /** README code copied from sources, and README hints copied from the exercise catalog. */
    private static List<String> snippetProblems(Path root) throws IOException {
        List<String> problems = new ArrayList<>(Snippets.check(root));
        problems.addAll(ReadmeHints.check(root));
        return problems;
    }

    /** Prints each problem, or the success message if there are none (and it is not null). */
    private static int report(PrintStream out, List<String> problems, String allGood) {
        problems.forEach(out::println);
        if (problems.isEmpty() && allGood != null) {
            out.println(allGood);
        }
        return problems.isEmpty() ? 0 : 1;
    }

    private static int usage(PrintStream err, String what) {
        err.println(what);
        err.println(USAGE);
        return 2;
    }

    /**
     * The repository root when none is given: the current directory, or its parent when started from
     * inside a module such as {@code tools/} (Maven's exec:java keeps the directory mvn was started in).
     */
    static Path defaultRoot(Path currentDirectory) {
        Path parent = currentDirectory.getParent();
        if (!isCourseRoot(currentDirectory) && parent != null && isCourseRoot(parent)) {
            return parent;
        }
        return currentDirectory;
    }

    private static boolean isCourseRoot(Path dir) {
        return Files.isDirectory(dir.resolve("chapters")) || Files.isDirectory(dir.resolve("lab"));
    }
}
