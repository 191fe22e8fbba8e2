package dev.asyncjavalin.tools;

import dev.asyncjavalin.tools.ExerciseCatalog.Chapter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles the learner's chapters (main and test classes, templates included) before their
 * exercise tests run: one {@code mvn test-compile} for all the chapters asked for, offline, since
 * {@code mvn install} has already fetched everything. Maven compiles only what changed.
 */
public interface ChapterBuild {

    /** Why each chapter that did not compile failed, by chapter number; empty when all compiled. */
    Map<String, String> compile(Path repoRoot, List<Chapter> chapters) throws IOException;

    /** The real build: Maven, in a process of its own. */
    static ChapterBuild maven() {
        return ChapterBuild::compileWithMaven;
    }

    /** Written after a chapter compiled; sources no newer than it mean nothing to compile. */
    String STAMP = "target/course-compiled.stamp";

    private static Map<String, String> compileWithMaven(Path repoRoot, List<Chapter> allChapters) throws IOException {
        // Maven recompiles a chapter even when nothing changed (JTE regenerates its templates): skip it
        List<Chapter> chapters = new ArrayList<>();
        for (Chapter chapter : allChapters) {
            if (!isUpToDate(repoRoot, chapter)) {
                chapters.add(chapter);
            }
        }
        if (chapters.isEmpty()) {
            return Map.of();
        }
        // the stamp gets the time the build started: a file saved while Maven ran counts as changed
        FileTime buildStarted = FileTime.fromMillis(System.currentTimeMillis());
        List<String> command = new ArrayList<>(List.of(mavenExecutable(), "-B", "-ntp", "-o", "-Denforcer.skip=true", "--fail-at-end"));
        // the same local repository as the Maven run that started us (CI uses one of its own)
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        command.addAll(List.of("-pl", String.join(",", chapters.stream().map(Chapter::directory).toList()), "test-compile"));
        Process maven = new ProcessBuilder(command).directory(repoRoot.toFile()).redirectErrorStream(true).start();
        String output = new String(maven.getInputStream().readAllBytes(), Charset.defaultCharset());
        int status;
        try {
            status = maven.waitFor();
        } catch (InterruptedException e) {
            maven.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Maven compiled the chapters");
        }
        Map<String, String> failed = status == 0 ? Map.of() : failures(output, chapters);
        for (Chapter chapter : chapters) {
            if (!failed.containsKey(chapter.number())) {
                Path stamp = repoRoot.resolve(chapter.directory()).resolve(STAMP);
                Files.createDirectories(stamp.getParent());
                Files.writeString(stamp, "compiled by the course command; delete it to force a build\n");
                Files.setLastModifiedTime(stamp, buildStarted);
            }
        }
        return failed;
    }

    /**
     * Where Maven's compiler lists the test sources it compiled: written by every build that got
     * that far, {@code mvn install} included, so a fresh clone's first check need not compile again.
     */
    String MAVEN_TEST_COMPILE = "target/maven-status/maven-compiler-plugin/testCompile/default-testCompile/inputFiles.lst";

    /** The pages every chapter's build copies in (lab's SharedTemplates): a change there changes every chapter's pages. */
    static final String SHARED_TEMPLATES = "lab/src/main/resources/dev/asyncjavalin/lab/templates";

    /**
     * True when the chapter's stamp (ours, or Maven's) is newer than its sources, its pom, the poms it
     * inherits from (chapters/ or solutions/, and the root) and the shared page templates.
     */
    static boolean isUpToDate(Path repoRoot, Chapter chapter) throws IOException {
        Path directory = repoRoot.resolve(chapter.directory());
        Path stamp = directory.resolve(STAMP);
        if (!Files.isRegularFile(stamp)) {
            stamp = directory.resolve(MAVEN_TEST_COMPILE);
        }
        if (!Files.isRegularFile(stamp)) {
            return false;
        }
        long compiled = Files.getLastModifiedTime(stamp).toMillis();
        List<Path> inputs = new ArrayList<>(List.of(repoRoot.resolve("pom.xml"), directory.getParent().resolve("pom.xml"),
                directory.resolve("pom.xml")));
        for (Path folder : List.of(directory.resolve("src"), repoRoot.resolve(SHARED_TEMPLATES))) {
            if (Files.isDirectory(folder)) {
                try (var files = Files.walk(folder)) {
                    inputs.addAll(files.toList()); // directories too: a deleted file changes its directory's time
                }
            }
        }
        for (Path input : inputs) {
            if (Files.exists(input) && Files.getLastModifiedTime(input).toMillis() >= compiled) {
                return false;
            }
        }
        return true;
    }

    /** Which chapters failed, from Maven's output, each with the first errors it printed. */
    static Map<String, String> failures(String output, List<Chapter> chapters) {
        Map<String, String> failed = new LinkedHashMap<>();
        String errors = firstErrors(output);
        // the reactor summary: "[INFO] Chapter 03 · Concurrency ... FAILURE [  2.1 s]" (or SKIPPED after one)
        Matcher summary = Pattern.compile("(?m)^\\[INFO] Chapter (\\d\\d) \\S.*? (FAILURE|SKIPPED)\\b").matcher(output);
        while (summary.find()) {
            failed.put(summary.group(1), errors);
        }
        if (failed.isEmpty()) {
            // one chapter (Maven prints no summary then), or Maven stopped before any module (a missing dependency, say)
            chapters.forEach(chapter -> failed.put(chapter.number(), errors));
        }
        return failed;
    }

    /** The compiler's own error lines, or Maven's, a few of them: enough to see what to fix. */
    private static String firstErrors(String output) {
        if (output.contains("Could not resolve dependencies") || output.contains("Non-resolvable parent POM")
                || output.contains("has not been downloaded from it before")) {
            return "the course's libraries are not in your local Maven repository yet: run `mvn install` at the root first";
        }
        // javac's own lines name a file: "[ERROR] /course/chapters/03/src/.../PageCalls.java:[47,17] ';' expected"
        List<String> compilerErrors = output.lines()
                .filter(line -> line.matches("\\[ERROR] (/|[A-Za-z]:\\\\).*:\\[\\d+,\\d+].*"))
                .map(line -> line.substring("[ERROR] ".length()))
                .distinct() // Maven prints each of them twice: as it happens and in the summary
                .limit(6)
                .toList();
        if (!compilerErrors.isEmpty()) {
            return String.join(System.lineSeparator(), compilerErrors);
        }
        // anything else (a template that does not generate, say): Maven's first error line
        return output.lines().filter(line -> line.startsWith("[ERROR] ") && line.length() > "[ERROR] ".length())
                .map(line -> line.substring("[ERROR] ".length()).strip())
                .findFirst()
                .orElse("mvn test-compile failed (run it to see why)");
    }

    /** Maven's own launcher when we run inside Maven (exec:java sets maven.home), else the one on the PATH. */
    private static String mavenExecutable() {
        String name = System.getProperty("os.name", "").toLowerCase().contains("win") ? "mvn.cmd" : "mvn";
        String home = System.getProperty("maven.home");
        return home != null && Files.isRegularFile(Path.of(home, "bin", name)) ? Path.of(home, "bin", name).toString() : name;
    }
}
