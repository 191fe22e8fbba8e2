package dev.asyncjavalin.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts one exercise region back the way the course shipped it, taking the original from git
 * ({@code git show REF:file}); everything outside the region is left alone.
 */
final class RegionReset {

    /** What happened, in a sentence for the learner; {@code refused} means nothing was written. */
    record Outcome(boolean refused, String message) {
    }

    private RegionReset() {
    }

    static Outcome reset(Path repoRoot, ExerciseCatalog.Exercise exercise, String gitRef, boolean force) throws IOException {
        Path file = repoRoot.resolve(exercise.file());
        if (!Files.isRegularFile(file)) {
            return new Outcome(true, exercise.file() + " does not exist; `git checkout -- " + exercise.file() + "` brings it back whole");
        }
        String original = gitShow(repoRoot, gitRef, exercise.file());
        List<String> originalLines = lines(original);
        ExerciseRegions.Region originalAt = ExerciseRegions.region(original, exercise.file(), exercise.id()).orElse(null);
        if (originalAt == null) {
            return new Outcome(true, "the version of " + exercise.file() + " in git (" + gitRef + ") has no region EXERCISE "
                    + exercise.id() + "; name another commit with --from");
        }
        String current = Files.readString(file, StandardCharsets.UTF_8);
        List<String> currentLines = lines(current);
        ExerciseRegions.Region currentAt = ExerciseRegions.region(current, exercise.file(), exercise.id()).orElse(null);
        if (currentAt == null) {
            return new Outcome(true, exercise.file() + " has lost the markers of EXERCISE " + exercise.id()
                    + " (or they are broken), so the region cannot be found; `git checkout -- " + exercise.file()
                    + "` restores the whole file, losing every change in it");
        }
        List<String> originalRegion = markersAndBody(originalLines, originalAt);
        List<String> currentRegion = markersAndBody(currentLines, currentAt);
        if (originalRegion.equals(currentRegion)) {
            return new Outcome(false, "exercise " + exercise.id() + " is already the original stub; nothing to reset");
        }
        if (!force) {
            int changed = Math.abs(currentRegion.size() - originalRegion.size());
            for (int i = 0; i < Math.min(currentRegion.size(), originalRegion.size()); i++) {
                changed += currentRegion.get(i).equals(originalRegion.get(i)) ? 0 : 1;
            }
            return new Outcome(true, "exercise " + exercise.id() + " has your work in it (" + changed + " line(s) differ from the stub in "
                    + exercise.file() + "); reset would throw it away. Run again with --force to reset it anyway.");
        }
        List<String> result = new ArrayList<>(currentLines.subList(0, currentAt.startLine() - 1));
        result.addAll(originalRegion);
        result.addAll(currentLines.subList(currentAt.endLine(), currentLines.size()));
        Files.writeString(file, String.join("", result), StandardCharsets.UTF_8);
        return new Outcome(false, "exercise " + exercise.id() + " is back to its stub in " + exercise.file() + " (from " + gitRef + ")");
    }

    /** Lines with their line ends, so the file is written back byte for byte. */
    private static List<String> lines(String text) {
        return List.of(text.split("(?<=\n)"));
    }

    /** The region's lines, its two marker lines included (a Region counts lines from 1). */
    private static List<String> markersAndBody(List<String> lines, ExerciseRegions.Region region) {
        return lines.subList(region.startLine() - 1, region.endLine());
    }

    /** {@code git show REF:file}, with messages a learner can act on. */
    static String gitShow(Path repoRoot, String ref, String file) throws IOException {
        Process git;
        try {
            git = new ProcessBuilder("git", "show", ref + ":" + file).directory(repoRoot.toFile()).start();
        } catch (IOException e) {
            throw new IOException("reset takes the original stub from git, and git is not installed (" + e.getMessage() + ")");
        }
        byte[] content = git.getInputStream().readAllBytes();
        String error = new String(git.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int status;
        try {
            status = git.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + file + " from git");
        }
        if (status != 0) {
            throw new IOException("cannot read " + file + " at " + ref + " from git: "
                    + (error.isEmpty() ? "git exited with " + status : error.lines().findFirst().orElse(error))
                    + (error.contains("not a git repository") ? " (reset needs the course as a git clone)" : ""));
        }
        return new String(content, StandardCharsets.UTF_8);
    }
}
