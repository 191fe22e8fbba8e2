package dev.asyncjavalin.ch07;

import dev.asyncjavalin.lab.pages.PageClient;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * An upstream that never leaves the JVM: a {@link PageClient} whose calls are answered by an
 * interceptor, on the thread that made the call. So a test sees which threads called and how many
 * calls were in at once, and it can hold a call, or make it throw, without a clock.
 */
final class FakeUpstream implements AutoCloseable {

    /** What the fake does with the {@code arrival}-th call (1-based), on the caller's thread, before it answers. */
    @FunctionalInterface
    interface Behaviour {
        /** Returns the HTTP status to answer with; may block, or throw to fail the call. */
        int answer(int arrival) throws InterruptedException;
    }

    /** More calls than any pool a learner might size by hand (10, or the number of cores). */
    static final int FAN_OUT = 64;

    private final OkHttpClient okHttp;
    private final PageClient client;
    private final List<Thread> callers = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger arrivals = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    FakeUpstream(Behaviour behaviour) {
        okHttp = new OkHttpClient.Builder().addInterceptor(chain -> {
            int arrival = arrivals.incrementAndGet();
            callers.add(Thread.currentThread());
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                int status = behaviour.answer(arrival);
                return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1)
                        .code(status).message(status == 200 ? "OK" : "fake")
                        .body(ResponseBody.create("<title>fake page " + arrival + "</title>", MediaType.get("text/html")))
                        .build();
            } catch (InterruptedException e) {
                // what OkHttp itself throws when a blocked call's thread is interrupted
                throw new InterruptedIOException("the call was interrupted while the fake upstream held it");
            } finally {
                inFlight.decrementAndGet();
            }
        }).build();
        client = PageClient.wrapping(okHttp);
    }

    /** A fake that answers every call 200 at once. */
    static FakeUpstream answeringAtOnce() {
        return new FakeUpstream(arrival -> 200);
    }

    PageClient client() {
        return client;
    }

    /** {@code count} distinct page URLs; nothing resolves them, the interceptor answers first. */
    static List<String> urls(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "http://fake.upstream.invalid/pages/" + i).toList();
    }

    /** The threads that made the calls, in the order the calls arrived. */
    List<Thread> callers() {
        return List.copyOf(callers);
    }

    int arrivals() {
        return arrivals.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    /**
     * Whether every call got a virtual thread of its own; empty when so, else a sentence that says
     * what happened instead (which platform thread, or how few threads for how many calls).
     */
    String threadsProblem(int calls) {
        List<Thread> seen = callers();
        for (Thread thread : seen) {
            if (!thread.isVirtual()) {
                return "the calls ran on platform threads (" + thread.getName() + ")";
            }
        }
        long distinct = seen.stream().distinct().count();
        if (distinct < calls) {
            return "the " + calls + " calls ran on only " + distinct + " virtual thread" + (distinct == 1 ? "" : "s")
                    + ", so calls that share a thread wait for each other";
        }
        return "";
    }

    /**
     * Runs a fan-out of {@value #FAN_OUT} calls, each answered at once, through the fetcher as the
     * learner wrote it, and says what is wrong with the threads that ran them ("" if nothing). Fast
     * on every answer: nothing waits for a barrier, so a fan-out without threads of its own is seen
     * at once instead of after a barrier's timeout.
     */
    static String threadsOfAFanOut() throws InterruptedException {
        try (FakeUpstream fake = answeringAtOnce()) {
            // as many permits as calls: exercise 7.2's limit, solved or not, holds none of them back
            new VirtualThreadFetcher(fake.client(), App.CALL_TIMEOUT).fetchAll(urls(FAN_OUT), FAN_OUT, Duration.ofSeconds(10));
            return fake.threadsProblem(FAN_OUT);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
