package dev.asyncjavalin.ch09;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Virtual threads from a module that compiles for Java 17.
 *
 * <p>Chapter 07 calls {@code Executors.newVirtualThreadPerTaskExecutor()} directly, and so needs
 * JDK 21 to compile. This chapter must build on JDK 17 too, where that method does not exist: a
 * direct call would not compile. So it looks the method up once, by name, when the class loads:
 * on JDK 21+ the {@link MethodHandle} calls the real thing, on 17 there is none and the
 * virtual-thread model says it was skipped. (Javalin's {@code config.concurrency.useVirtualThreads}
 * needs no such trick: it is a plain boolean field that compiles anywhere.)
 */
final class VirtualThreads {

    // tag::lookup[]
    private static final Optional<MethodHandle> NEW_EXECUTOR = lookUp();

    private static Optional<MethodHandle> lookUp() {
        if (Runtime.version().feature() < 21) {
            return Optional.empty(); // preview-only or absent before 21
        }
        try {
            return Optional.of(MethodHandles.publicLookup().findStatic(Executors.class,
                    "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class)));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return Optional.empty();
        }
    }
    // end::lookup[]

    private VirtualThreads() {
    }

    static boolean available() {
        return NEW_EXECUTOR.isPresent();
    }

    /** Why the virtual-thread model cannot run here; empty where it can. */
    static String whyUnavailable() {
        return available() ? "" : "virtual threads need JDK 21 or newer, and this is JDK " + Runtime.version().feature();
    }

    /** A new executor that starts one virtual thread per task (JDK 21+ only). */
    static ExecutorService newThreadPerTaskExecutor() {
        MethodHandle factory = NEW_EXECUTOR.orElseThrow(() -> new IllegalStateException(whyUnavailable()));
        try {
            return (ExecutorService) factory.invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("could not create a virtual-thread executor", e);
        }
    }
}
