package dev.asyncjavalin.ch08;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 8.3 checks the specification, not one way to meet it. Tasks that wait for the test's
 * gate hold the workers for exactly as long as the test needs; a caller stuck in {@code submit} or
 * {@code close}, and a worker left waiting for work, are seen in their thread's state. No clock.
 */
@Tag("exercise")
@DisplayName("8.3 build a bounded executor with backpressure")
class Exercise83BoundedExecutorTest {

    @Test
    @DisplayName("2 workers and 3 waiting places: 5 tasks are accepted, the 6th is refused at once with ServerBusy")
    void refusesTheTaskPastItsCapacity() throws Exception {
        Gate gate = new Gate();
        BoundedExecutor executor = new BoundedExecutor(2, 3);
        try {
            List<CompletableFuture<String>> accepted = new ArrayList<>();
            accepted.add(submit(executor, gate.task("1")));
            accepted.add(submit(executor, gate.task("2")));
            gate.awaitStarted(2); // both workers hold a task
            for (int i = 3; i <= 5; i++) {
                CompletableFuture<String> waiting = submit(executor, gate.task(String.valueOf(i)));
                assertThat(waiting.isCompletedExceptionally()).as("Exercise 8.3: task %d of 5 was refused (%s), with 2 workers busy"
                        + " and %d of 3 waiting places taken: 2 running + 3 waiting = 5 tasks fit (off by one?)",
                        i, describe(waiting), i - 3).isFalse();
                accepted.add(waiting);
            }

            CompletableFuture<String> sixth = submitWithoutWaiting(executor, gate.task("6"), gate);

            assertThat(sixth.isDone()).as("Exercise 8.3: a 6th task was accepted with 2 workers busy and all 3 waiting places"
                    + " taken: at most queueCapacity tasks may wait (a queue without a bound, or one place too many)").isTrue();
            Throwable refusal = failureOf(sixth);
            assertThat(refusal).as("Exercise 8.3: a full executor refuses with a ServerBusy, which the app answers with 503"
                    + " and Retry-After").isInstanceOf(ServerBusy.class);
            assertThat(((ServerBusy) refusal).retryAfter()).as("Exercise 8.3: the refusal's retryAfter").isEqualTo(BoundedExecutor.RETRY_AFTER);
            assertThat(refusal.getMessage()).as("Exercise 8.3: the refusal says how many workers and waiting places are taken")
                    .contains("2", "3");

            gate.open();
            for (int i = 0; i < accepted.size(); i++) {
                assertThat(accepted.get(i).join()).as("Exercise 8.3: the value of accepted task %d", i + 1).isEqualTo(String.valueOf(i + 1));
            }
            assertThat(gate.threads()).as("Exercise 8.3: the threads that ran the 5 tasks: 2 workers run them all (a thread"
                    + " per task has no bound on threads)").hasSizeLessThanOrEqualTo(2);
        } finally {
            gate.open();
            executor.close();
        }
    }

    @Test
    @DisplayName("a task's failure reaches its future, and its place is free again by the time that future completes")
    void failureReachesTheFutureAndThePlaceComesBack() throws Exception {
        Gate first = new Gate();
        Gate second = new Gate();
        BoundedExecutor executor = new BoundedExecutor(1, 1); // two places: one running, one waiting
        try {
            IllegalStateException boom = new IllegalStateException("the disk is full");
            CompletableFuture<String> failing = submit(executor, first.failing(boom));
            first.awaitStarted(1);
            CompletableFuture<String> waiting = submit(executor, second.task("second"));
            // registered before it completes, so this runs the moment the answer is out: a caller that
            // saw the failure and submits again at once, before the worker has moved on
            CompletableFuture<CompletableFuture<String>> again = failing.handle((value, e) -> executor.submit(() -> "third"));

            first.open();
            second.awaitStarted(1); // the worker is done with the failing task

            assertThat(failing.isDone()).as("Exercise 8.3: the worker has moved on, but the future of the task that threw"
                    + " never completed: the failure was swallowed; complete the future with the task's exception").isTrue();
            Throwable failure = failureOf(failing);
            assertThat(causes(failure)).as("Exercise 8.3: the task threw %s, and its future ended %s: pass the task's own"
                    + " exception into the future, never swallow it", boom, describe(failing)).contains(boom);
            CompletableFuture<String> third = again.join();
            assertThat(third.isCompletedExceptionally()).as("Exercise 8.3: the task that threw still held its place when its"
                    + " future completed, so a caller that saw the answer was refused (%s): give the place back whatever the"
                    + " task did (in a finally), before you complete the future", describe(third)).isFalse();

            CompletableFuture<CompletableFuture<String>> afterSuccess = waiting.handle((value, e) -> executor.submit(() -> "fourth"));
            second.open();
            assertThat(waiting.join()).isEqualTo("second");
            assertThat(afterSuccess.join().isCompletedExceptionally()).as("Exercise 8.3: a task that returned still held its"
                    + " place when its future completed: give the place back before you complete the future").isFalse();
            assertThat(third.join()).isEqualTo("third");
            assertThat(afterSuccess.join().join()).isEqualTo("fourth");
        } finally {
            first.open();
            second.open();
            executor.close();
        }
    }

    @Test
    @DisplayName("close refuses new tasks, lets the accepted ones finish, and leaves no worker thread behind")
    void closeDrainsRefusesAndEndsTheWorkers() throws Exception {
        Gate gate = new Gate();
        BoundedExecutor executor = new BoundedExecutor(2, 2);
        List<CompletableFuture<String>> accepted = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            accepted.add(submit(executor, gate.task(String.valueOf(i))));
        }
        gate.awaitStarted(2); // 2 tasks running, 2 waiting
        Thread closer = new Thread(executor::close, "closer");
        closer.start();
        try {
            awaitWaitingOrEnded(closer);
            assertThat(closer.isAlive()).as("Exercise 8.3: close returned while 2 accepted tasks ran and 2 waited: it must"
                    + " wait until the tasks it accepted have finished").isTrue();

            CompletableFuture<String> late = submit(executor, () -> "late");
            assertThat(late.isCompletedExceptionally()).as("Exercise 8.3: a task submitted after close was accepted (%s):"
                    + " close refuses new tasks", describe(late)).isTrue();
            assertThat(failureOf(late)).as("Exercise 8.3: after close, refuse with a RejectedExecutionException (shut down:"
                    + " do not come back), not a ServerBusy (come back in a second)")
                    .isInstanceOf(RejectedExecutionException.class).isNotInstanceOf(ServerBusy.class);
        } finally {
            gate.open();
            closer.join();
        }
        // The workers first: once they have ended, every task they ran has completed its future, so the
        // checks below cannot see a future a live worker is about to complete.
        Set<Thread> workers = gate.threads();
        assertThat(workers).as("Exercise 8.3: the threads that ran the 4 tasks").hasSizeLessThanOrEqualTo(2);
        for (Thread worker : workers) {
            awaitEnded(worker);
        }
        for (int i = 0; i < accepted.size(); i++) {
            CompletableFuture<String> task = accepted.get(i);
            assertThat(task.isDone()).as("Exercise 8.3: close returned, but accepted task %d never ran: close must let the"
                    + " waiting tasks run, not drop them (shutdownNow drops them)", i + 1).isTrue();
            assertThat(task.isCompletedExceptionally()).as("Exercise 8.3: accepted task %d ended %s: close must let it finish,"
                    + " not interrupt it (shutdownNow interrupts)", i + 1, describe(task)).isFalse();
        }
    }

    @Test
    @DisplayName("no worker or a negative queue is refused with IllegalArgumentException, naming the argument")
    void refusesImpossibleSizes() {
        assertThatThrownBy(() -> new BoundedExecutor(0, 4)).as("Exercise 8.3: new BoundedExecutor(0, 4): no worker could ever run a task")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workers");
        assertThatThrownBy(() -> new BoundedExecutor(2, -1)).as("Exercise 8.3: new BoundedExecutor(2, -1)")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queueCapacity");
        BoundedExecutor noWaiting = new BoundedExecutor(1, 0);
        try {
            assertThat(noWaiting.submit(() -> "alone").join()).as("Exercise 8.3: queueCapacity 0 means no task waits, not no task runs")
                    .isEqualTo("alone");
        } finally {
            noWaiting.close();
        }
    }

    /** Calls submit, which must return a future: a refusal is a failed future, not an exception. */
    private static <T> CompletableFuture<T> submit(BoundedExecutor executor, Callable<T> task) {
        CompletableFuture<T> future;
        try {
            future = executor.submit(task);
        } catch (RuntimeException e) {
            throw new AssertionError("Exercise 8.3: submit threw " + e + ": it returns a future in every case, failed when"
                    + " the task is refused", e);
        }
        assertThat(future).as("Exercise 8.3: the future submit returned").isNotNull();
        return future;
    }

    /**
     * Submits on a thread of its own, and fails if that thread ends up waiting inside submit: with every
     * worker held by the gate, nothing would ever wake it. The gate opens then, so nothing stays stuck.
     */
    private static <T> CompletableFuture<T> submitWithoutWaiting(BoundedExecutor executor, Callable<T> task, Gate gate)
            throws InterruptedException {
        AtomicReference<CompletableFuture<T>> submitted = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                submitted.set(executor.submit(task));
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "caller");
        caller.start();
        while (caller.isAlive()) {
            if (waitingForASignal(caller)) {
                boolean ranTheTask = gate.threads().contains(caller);
                gate.open();
                caller.join();
                fail(ranTheTask
                        ? "Exercise 8.3: the full executor ran the task on the caller's thread (CallerRunsPolicy?): the caller"
                                + " waited as long as the task took; refuse instead, with a failed future"
                        : "Exercise 8.3: submit made its caller wait for a place: a full executor answers at"
                                + " once with a failed future (try for a place, never wait for one)");
            }
            Thread.yield();
        }
        caller.join();
        if (thrown.get() != null) {
            throw new AssertionError("Exercise 8.3: submit threw " + thrown.get() + " when the executor was full: return a"
                    + " future already failed with ServerBusy instead", thrown.get());
        }
        assertThat(submitted.get()).as("Exercise 8.3: the future submit returned").isNotNull();
        return submitted.get();
    }

    /** Until {@code thread} has ended or waits for someone to wake it (a lock taken by another for a moment does not count). */
    private static void awaitWaitingOrEnded(Thread thread) {
        while (thread.isAlive() && !waitingForASignal(thread)) {
            Thread.yield();
        }
    }

    /** Until {@code worker} has ended; fails as soon as it waits for work instead (after close, none will come). */
    private static void awaitEnded(Thread worker) {
        while (worker.isAlive()) {
            if (waitingForASignal(worker)) {
                fail("Exercise 8.3: close returned, but worker thread " + worker.getName() + " is still alive, waiting for"
                        + " work that will never come: a leaked thread (it keeps the JVM from exiting); close must end the workers");
            }
            Thread.yield();
        }
    }

    /**
     * Parked or sleeping, and not just taking a lock: state and stack from one look, so that they agree.
     * (BLOCKED is left out too: loading a class for the first time can block a thread for a moment.)
     */
    @SuppressWarnings("deprecation") // Thread.getId: threadId() is JDK 19+, and the course builds on 17
    private static boolean waitingForASignal(Thread thread) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.getId(), Integer.MAX_VALUE);
        if (info == null || (info.getThreadState() != Thread.State.WAITING && info.getThreadState() != Thread.State.TIMED_WAITING)) {
            return false;
        }
        for (StackTraceElement frame : info.getStackTrace()) {
            if (frame.getClassName().startsWith("java.util.concurrent.locks.Reentrant") && frame.getMethodName().equals("lock")) {
                return false; // a lock another thread holds for a moment, as a pool's threads do while they stop
            }
        }
        return true;
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (RuntimeException e) { // CancellationException, or a CompletionException subclass of the answer's own
            return e;
        }
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String describe(CompletableFuture<?> future) {
        if (!future.isDone()) {
            return "not completed";
        }
        Throwable failure = failureOf(future);
        return failure == null ? "completed with " + future.join() : "failed with " + failure;
    }

    /** Tasks that say they started, then wait until the test opens the gate. */
    private static final class Gate {
        private final Semaphore started = new Semaphore(0);
        private final CountDownLatch opened = new CountDownLatch(1);
        private final List<Thread> threads = new CopyOnWriteArrayList<>();

        Callable<String> task(String value) {
            return () -> {
                hold();
                return value;
            };
        }

        Callable<String> failing(RuntimeException failure) {
            return () -> {
                hold();
                throw failure;
            };
        }

        private void hold() throws InterruptedException {
            threads.add(Thread.currentThread());
            started.release();
            opened.await();
        }

        void awaitStarted(int tasks) throws InterruptedException {
            started.acquire(tasks);
        }

        void open() {
            opened.countDown();
        }

        Set<Thread> threads() {
            return threads.stream().collect(Collectors.toSet());
        }
    }
}
