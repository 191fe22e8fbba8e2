package dev.asyncjavalin.tools;

import io.methvin.watcher.DirectoryChangeEvent.EventType;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.helpers.NOPLogger;

/**
 * Waits for the learner to save a file under a chapter's {@code src/}, through directory-watcher:
 * recursive on every OS and native on macOS (the JDK's WatchService polls there). An editor's save
 * is often several events (a temp file, a rename, a write): they are gathered until the folder has
 * been quiet for a moment, so one save means one check.
 */
final class ChapterWatch implements AutoCloseable {

    /** How long the folder must stay quiet after an event before the change counts as finished. */
    private static final long SETTLE_MILLIS = 300;

    private final Path root;
    private final BlockingQueue<Path> changes = new LinkedBlockingQueue<>();
    private final DirectoryWatcher watcher;

    ChapterWatch(Path root) throws IOException {
        this.root = root;
        this.watcher = DirectoryWatcher.builder()
                .path(root)
                .fileHashing(false) // hashing every file at start costs more than an extra check
                .logger(NOPLogger.NOP_LOGGER)
                .listener(event -> changes.add(event.eventType() == EventType.OVERFLOW ? Path.of(".") : event.path()))
                .build();
        watcher.watchAsync(); // registers the tree before it returns: nothing saved after this is missed
    }

    /** Blocks until something under the folder changes; returns the changed paths, relative to it. */
    Set<Path> awaitChange() throws IOException, InterruptedException {
        Set<Path> changed = new TreeSet<>();
        Path realRoot = root.toRealPath(); // macOS reports /private/var/... for /var/...
        for (Path path = changes.take(); path != null; path = changes.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) {
            Path base = path.startsWith(realRoot) ? realRoot : root;
            changed.add(path.startsWith(base) ? base.relativize(path) : path);
        }
        return changed;
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
