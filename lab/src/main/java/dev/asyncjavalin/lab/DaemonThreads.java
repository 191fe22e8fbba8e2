package dev.asyncjavalin.lab;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads named after their job (they show up in thread dumps and on the chapters' pages) that never keep a JVM alive. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Threads called {@code prefix-1}, {@code prefix-2}, ... */
    public static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
