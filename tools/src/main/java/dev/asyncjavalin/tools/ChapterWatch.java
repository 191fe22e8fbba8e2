package dev.asyncjavalin.tools;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Waits for the learner to save a file under a chapter's {@code src/}. An editor's save is often
 * several events (a temp file, a rename, a write): they are gathered until the folder has been
 * quiet for a moment, so one save means one check.
 */
final class ChapterWatch implements AutoCloseable {

    /** How long the folder must stay quiet after an event before the change counts as finished. */
    private static final long SETTLE_MILLIS = 300;

    private final Path root;
    private final WatchService watcher;

    ChapterWatch(Path root) throws IOException {
        this.root = root;
        this.watcher = FileSystems.getDefault().newWatchService();
        registerTree(root);
    }

    /** Blocks until something under the folder changes; returns the changed paths, relative to it. */
    Set<Path> awaitChange() throws IOException, InterruptedException {
        Set<Path> changed = new TreeSet<>();
        WatchKey key = watcher.take();
        while (key != null) {
            Path dir = (Path) key.watchable();
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    changed.add(Path.of("."));
                    continue;
                }
                Path path = dir.resolve((Path) event.context());
                changed.add(root.relativize(path));
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                    registerTree(path); // a new package folder is watched too
                }
            }
            key.reset();
            key = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        }
        return changed;
    }

    private void registerTree(Path start) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
