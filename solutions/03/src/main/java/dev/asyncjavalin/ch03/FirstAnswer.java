package dev.asyncjavalin.ch03;

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
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Exercise 3.5 (stretch): asks every mirror of one page at once, keeps the first good answer and
 * cancels the calls it no longer needs. The specification is in this chapter's README, section
 * "Exercise 3.5 · the first good answer wins, the others are cancelled".
 */
final class FirstAnswer {

    private final OkHttpClient client;

    FirstAnswer(OkHttpClient client) {
        this.client = client;
    }

    // EXERCISE 3.5: the first good answer wins, the others are cancelled
    PageResult fetchFirst(List<String> mirrors, Duration timeout) {
        if (mirrors.isEmpty()) {
            throw new IllegalArgumentException("fetchFirst needs at least one mirror");
        }
        CompletableFuture<PageResult> winner = new CompletableFuture<>();
        List<Call> calls = new ArrayList<>();
        List<CompletableFuture<PageResult>> rows = new ArrayList<>();
        for (String url : mirrors) {
            CompletableFuture<PageResult> row = start(url, timeout, calls);
            row.thenAccept(result -> {
                if (result.ok()) {
                    winner.complete(result); // only the first completion counts
                }
            });
            rows.add(row);
        }
        // no good answer at all: the first mirror's row says why (chosen by position, not by timing)
        CompletableFuture.allOf(rows.toArray(CompletableFuture[]::new)).thenRun(() -> winner.complete(
                rows.stream().map(CompletableFuture::join).filter(PageResult::ok).findFirst().orElse(rows.get(0).join())));
        try {
            return winner.join(); // every row completes: each call has its own timeout
        } finally {
            calls.forEach(Call::cancel); // before returning: the losers stop holding a thread, a socket and the mirror
        }
    }

    private CompletableFuture<PageResult> start(String url, Duration timeout, List<Call> calls) {
        CompletableFuture<PageResult> row = new CompletableFuture<>();
        long started = System.nanoTime();
        Call call = client.newCall(new Request.Builder().url(url).build());
        call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        calls.add(call);
        call.enqueue(new Callback() {
            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    row.complete(PageReader.read(url, response, started));
                } catch (IOException e) {
                    onFailure(call, e);
                }
            }

            @Override
            public void onFailure(Call call, IOException e) {
                row.complete(PageResult.failed(url, Outcome.of(e), Outcome.detail(e), PageReader.since(started)));
            }
        });
        return row;
    }
    // END EXERCISE 3.5
}
