package dev.asyncjavalin.lab.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What one thread was doing at one instant: its state and its stack, taken together. A test that
 * must prove "no thread waits for X" looks for threads parked inside X's code, without a clock.
 *
 * <p>State and stack come from one JVM thread dump, so they agree with each other. Reading them
 * one after the other ({@code Thread.getAllStackTraces()}, then {@code getState()}) could pair
 * the stack of a thread still running a handler with the WAITING of the same thread a moment
 * later, idle in its pool, and blame a handler that never waited.
 */
public record ThreadSnapshot(String name, Thread.State state, List<StackTraceElement> stack) {

    /** Every live thread but the caller. */
    @SuppressWarnings("deprecation") // Thread.getId: threadId() is JDK 19+, and the course builds on 17
    public static List<ThreadSnapshot> others() {
        long self = Thread.currentThread().getId();
        return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .filter(info -> info.getThreadId() != self)
                .map(ThreadSnapshot::of)
                .toList();
    }

    private static ThreadSnapshot of(ThreadInfo info) {
        return new ThreadSnapshot(info.getThreadName(), info.getThreadState(), List.of(info.getStackTrace()));
    }

    /** Parked, sleeping or waiting: the thread is held until someone else wakes it. */
    public boolean parked() {
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    /** Whether a frame on the stack is one that {@code frame} accepts. */
    public boolean inside(Predicate<StackTraceElement> frame) {
        return stack.stream().anyMatch(frame);
    }

    /** Frames of a method of {@code type} named {@code method}, or of a lambda written in that method. */
    public static Predicate<StackTraceElement> method(Class<?> type, String method) {
        return frame -> frame.getClassName().equals(type.getName())
                && (frame.getMethodName().equals(method) || frame.getMethodName().startsWith("lambda$" + method + "$"));
    }

    /** The innermost frame that {@code frame} accepts, as {@code Class.method}; empty when none does. */
    public Optional<String> innermost(Predicate<StackTraceElement> frame) {
        return stack.stream().filter(frame).findFirst().map(ThreadSnapshot::shortName);
    }

    private static String shortName(StackTraceElement frame) {
        String className = frame.getClassName();
        return className.substring(className.lastIndexOf('.') + 1) + "." + frame.getMethodName();
    }
}
