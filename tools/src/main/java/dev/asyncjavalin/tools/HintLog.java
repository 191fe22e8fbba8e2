package dev.asyncjavalin.tools;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * How many hints of each exercise the learner has seen, so {@code hint} can give the next one. It
 * lives in {@code .course/hints.properties} at the repository root, which git ignores: it is the
 * learner's, not the course's.
 */
final class HintLog {

    static final String FILE = ".course/hints.properties";

    private final Path file;
    private final Properties seen = new Properties();

    private HintLog(Path file) {
        this.file = file;
    }

    static HintLog open(Path repoRoot) throws IOException {
        HintLog log = new HintLog(repoRoot.resolve(FILE));
        if (Files.isRegularFile(log.file)) {
            try (Reader reader = Files.newBufferedReader(log.file)) {
                log.seen.load(reader);
            }
        }
        return log;
    }

    int seen(String exerciseId) {
        try {
            return Math.max(0, Integer.parseInt(seen.getProperty(exerciseId, "0").strip()));
        } catch (NumberFormatException e) {
            return 0; // a hand-edited file with nonsense in it starts that exercise over
        }
    }

    void record(String exerciseId, int count) throws IOException {
        if (count == 0) {
            seen.remove(exerciseId);
        } else {
            seen.setProperty(exerciseId, Integer.toString(count));
        }
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file)) {
            seen.store(writer, "hints seen per exercise, written by the course command");
        }
    }
}
