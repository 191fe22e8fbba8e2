package dev.asyncjavalin.ch03;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageReader;
import dev.asyncjavalin.lab.pages.PageResult;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Starts one page fetch and returns at once. OkHttp runs the call on its Dispatcher's threads
 * and completes the future from there; the caller decides when (and whether) to wait for it.
 */
final class PageCalls {

    private final OkHttpClient client;

    PageCalls(OkHttpClient client) {
        this.client = client;
    }

    // tag::start[]
    CompletableFuture<PageResult> start(String url, Duration timeout) {
        CompletableFuture<PageResult> page = new CompletableFuture<>();
        long started = System.nanoTime();
        Call call = client.newCall(new Request.Builder().url(url).build());
        call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        call.enqueue(new Callback() {
            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    page.complete(PageReader.read(url, response, started));
                } catch (IOException e) {
                    onFailure(call, e); // the body broke off, or took too long, after the headers came
                }
            }

            // tag::onFailure[]
            @Override
            public void onFailure(Call call, IOException e) {
                // EXERCISE 3.1: a failed call must still become a row (see Outcome.of and PageResult.failed)
                // until then one failed call fails its future, and allOf(...).join() fails the whole page with it
                page.completeExceptionally(new ExerciseNotSolved("3.1", url + " failed (" + e + ") and took the whole page down;"
                        + " make the failure a row"));
                // END EXERCISE 3.1
            }
            // end::onFailure[]
        });
        return page;
    }
    // end::start[]
}
