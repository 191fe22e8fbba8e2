package dev.asyncjavalin.lab.checks;

import dev.asyncjavalin.lab.SlowUpstream;
import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import dev.asyncjavalin.lab.testing.OpenFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Gives up on many calls to the embedded upstream before it answers, as a page deadline does, and
 * counts this JVM's open files before and after. The app and its upstream share the JVM, so a
 * socket either side forgets is one the app loses for good.
 *
 * <pre>mvn -pl lab exec:java -Dexec.mainClass=dev.asyncjavalin.lab.checks.CancelledCalls -Dexec.args="10000"</pre>
 */
public final class CancelledCalls {

    /** Calls in flight at once. */
    public static final int BATCH = 100;
    /** Pools may keep a few descriptors open; a leak keeps one per call. */
    public static final int SLACK = 10;

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Open files before the first cancelled call and once the upstream has finished the last one. */
    public record Count(int calls, int before, int after, Duration took) {
        public int leaked() {
            return Math.max(0, after - before);
        }

        @Override
        public String toString() {
            return String.format("%,d calls cancelled before the upstream answered: open files %d before, %d after (%d leaked), %.1f s",
                    calls, before, after, leaked(), took.toMillis() / 1000.0);
        }
    }

    private CancelledCalls() {
    }

    /** {@code calls} is rounded up to whole batches of {@link #BATCH}. */
    public static Count run(int calls) throws InterruptedException {
        if (!OpenFiles.countable()) {
            throw new IllegalStateException("counting open files needs /proc/self/fd (Linux)");
        }
        try (SlowUpstream upstream = SlowUpstream.builder().fixedLatency(Duration.ZERO).start();
             PageClient pages = PageClient.create(BATCH, BATCH)) {
            String page = upstream.url("/held");
            // one call answered first, so the client's threads and its pooled connection are counted in "before"
            PageResult warmUp = pages.fetch(upstream.url("/recipes/1"), WAIT).join();
            if (!warmUp.ok()) {
                throw new IllegalStateException("the upstream did not answer: " + warmUp);
            }
            int before = OpenFiles.count();
            long started = System.nanoTime();
            int sent = 0;
            while (sent < calls) {
                List<CompletableFuture<PageResult>> batch = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    batch.add(pages.fetch(page, WAIT));
                }
                sent += BATCH;
                await(upstream.awaitReceived(1 + sent, WAIT), "the upstream to receive " + sent + " calls");
                // what a deadline does: complete the page without it, which cancels the call
                batch.forEach(call -> call.complete(PageResult.failed(page, Outcome.TIMEOUT, "given up", Duration.ZERO)));
                // only now does the upstream answer, to clients that have all left
                upstream.releaseHeld();
            }
            // the upstream has tried to answer every call, each to a client that had gone
            await(upstream.awaitFinished(1 + sent, WAIT), "the upstream to finish " + sent + " calls");
            // sockets are closed on the client's and the server's own threads, a moment after the calls end:
            // wait for the count to settle back to "before", so a socket still closing is not counted as leaked
            int after = OpenFiles.awaitAtMost(before, Duration.ofSeconds(5));
            return new Count(sent, before, after, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static void await(boolean done, String what) {
        if (!done) {
            throw new IllegalStateException("waited " + WAIT.toSeconds() + " s for " + what);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Count count = run(calls);
        System.out.println(count);
        System.exit(count.leaked() > SLACK ? 1 : 0);
    }
}
