package dev.asyncjavalin.ch04;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageReader;
import dev.asyncjavalin.lab.pages.PageResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Exercise 4.5 (stretch): what the lab's {@code PageClient} gives every other route of this chapter,
 * built by hand on plain OkHttp calls: all pages at once, an answer by the deadline, and no call
 * left running once nobody waits for it. The specification is in the chapter README, section
 * "Exercise 4.5 · a fetcher that cancels what nobody waits for".
 */
final class CancellingFetcher {

    private final OkHttpClient client;

    CancellingFetcher(OkHttpClient client) {
        this.client = client;
    }

    /**
     * Starts one call per URL and returns at once. The future completes with one row per URL, in
     * order, when every call has ended or when {@code deadline} passes, whichever is first; a page
     * not in by the deadline is {@link DeadlineFetcher#missed}. Every call still running is
     * cancelled once the future completes at the deadline, and whenever a caller cancels it.
     */
    CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
        // EXERCISE 4.5 a fetcher that cancels what nobody waits for
        throw new ExerciseNotSolved("4.5", "start a call per URL, answer by the deadline, and cancel every call still running"
                + " at the deadline and when the caller cancels the answer");
        // END EXERCISE 4.5
    }
}
