package dev.asyncjavalin.ch07;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The platform threads that are waiting while a class of the chapter is on their stack. */
final class ThreadsIn {

    private ThreadsIn() {
    }

    /**
     * Names of the platform threads, other than the caller, that are parked or blocked with a
     * frame of {@code type} (or of a lambda in it) on their stack. Virtual threads are not listed
     * by {@link Thread#getAllStackTraces()}: the watched client reports those.
     */
    static List<String> parkedIn(Class<?> type) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> entry.getKey() != Thread.currentThread())
                .filter(entry -> entry.getKey().getState() != Thread.State.RUNNABLE)
                .filter(entry -> Arrays.stream(entry.getValue()).anyMatch(frame -> frame.getClassName().startsWith(type.getName())))
                .map(Map.Entry::getKey)
                .map(Thread::getName)
                .toList();
    }
}
