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
        List<Call> calls = new ArrayList<>();
        List<CompletableFuture<PageResult>> pages = new ArrayList<>();
        for (String url : urls) {
            long started = System.nanoTime();
            Call call = client.newCall(new Request.Builder().url(url).build());
            CompletableFuture<PageResult> page = new CompletableFuture<>();
            call.enqueue(new Callback() {
                @Override
                public void onResponse(Call call, Response response) {
                    try (response) {
                        page.complete(PageReader.read(url, response, started));
                    } catch (IOException e) {
                        onFailure(call, e);
                    }
                }

                @Override
                public void onFailure(Call call, IOException e) {
                    page.complete(PageResult.failed(url, Outcome.of(e), Outcome.detail(e), PageReader.since(started)));
                }
            });
            calls.add(call);
            pages.add(page);
        }
        CompletableFuture<List<PageResult>> rows = new CompletableFuture<>();
        CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new))
                .thenRun(() -> rows.complete(pages.stream().map(CompletableFuture::join).toList()));
        // at the deadline: the rows as they stand, a missed row for each page not in
        CompletableFuture.delayedExecutor(deadline.toNanos(), TimeUnit.NANOSECONDS).execute(() -> rows.complete(
                IntStream.range(0, urls.size()).mapToObj(i -> pages.get(i).getNow(DeadlineFetcher.missed(urls.get(i), deadline))).toList()));
        // complete first, cancel after: a cancelled call's page ("Canceled") must not reach the rows through allOf
        // also runs when a caller cancels the rows; a no-op for calls that have ended
        rows.whenComplete((done, failure) -> calls.forEach(Call::cancel));
        return rows;
        // END EXERCISE 4.5
    }
}
