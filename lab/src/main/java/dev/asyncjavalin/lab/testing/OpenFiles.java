package dev.asyncjavalin.lab.testing;

import java.io.File;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts this JVM's open file descriptors (sockets included), to prove that nothing leaks. Linux
 * only: it lists {@code /proc/self/fd}; elsewhere {@link #countable()} is false.
 */
public final class OpenFiles {

    private static final File FDS = new File("/proc/self/fd");

    private OpenFiles() {
    }

    public static boolean countable() {
        return FDS.isDirectory();
    }

    public static int count() {
        String[] names = FDS.list();
        if (names == null) {
            throw new IllegalStateException("cannot list " + FDS + " (not Linux?): check countable() first");
        }
        return names.length - 1; // the listing's own descriptor
    }

    /**
     * The count once it is at most {@code limit}, or the last count seen when {@code timeout}
     * passed first. A socket closed by one thread can be released a moment later by another
     * (the JDK server closes a finished connection on its own thread), so a count that must go
     * down is read again until it has, or until it clearly will not.
     */
    public static int awaitAtMost(int limit, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int now = count();
        while (now > limit && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
            now = count();
        }
        return now;
    }
}
