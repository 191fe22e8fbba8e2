package dev.asyncjavalin.ch08;

import java.util.concurrent.Semaphore;

/**
 * Work that starts, says so, and then waits until the test allows it to finish. A test holds a
 * pool full for exactly as long as it needs, and moves a job forward one step at a time, without
 * ever looking at a clock.
 */
final class HeldWork implements CpuWork {

    private final Semaphore started = new Semaphore(0);
    private final Semaphore allowed = new Semaphore(0);

    @Override
    public String hash(String input) {
        started.release();
        try {
            allowed.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the app is stopping: keep the flag for the job loop to see
            return "interrupted";
        }
        return "hashed(" + input + ")";
    }

    /** Waits until {@code calls} more calls have started (the JUnit timeout guards against never). */
    void awaitStarted(int calls) throws InterruptedException {
        started.acquire(calls);
    }

    /** Lets {@code calls} waiting or future calls finish. */
    void allow(int calls) {
        allowed.release(calls);
    }

    /** Lets every call finish from now on. */
    void allowAll() {
        allowed.release(1_000_000);
    }
}
