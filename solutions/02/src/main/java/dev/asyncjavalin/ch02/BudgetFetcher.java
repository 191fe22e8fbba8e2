package dev.asyncjavalin.ch02;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageReader;
import dev.asyncjavalin.lab.pages.PageResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches pages one after another, like {@link SequentialFetcher}, but with one time budget for the
 * whole page instead of a timeout per call: a visitor waits at most the budget, however many pages
 * are slow. Exercise 2.3 (build it): write this class from its specification in this chapter's
 * README, section "Exercise 2.3 · one time budget for the whole page".
 */
final class BudgetFetcher {

    // EXERCISE 2.3: one time budget for the whole page (the whole class, from the README's specification)
    private final OkHttpClient client;
    private final LongSupplier nanoClock;

    /**
     * @param client    the app's one client: every call goes through it
     * @param nanoClock where the budget's time is read: {@code System::nanoTime} in the app; the
     *                  check passes a clock that moves only when its fake upstream says time passed
     */
    BudgetFetcher(OkHttpClient client, LongSupplier nanoClock) {
        this.client = client;
        this.nanoClock = nanoClock;
    }

    /** One row per URL, in the order given; the whole page takes at most {@code budget}. */
    List<PageResult> fetchAll(List<String> urls, Duration budget) {
        long deadline = nanoClock.getAsLong() + budget.toNanos();
        List<PageResult> results = new ArrayList<>();
        for (String url : urls) {
            long remaining = deadline - nanoClock.getAsLong();
            // at zero the budget is spent: and a timeout of 0 is no short timeout, OkHttp reads it as none at all
            results.add(remaining > 0 ? fetch(url, remaining) : skipped(url, budget));
        }
        return results;
    }

    private PageResult fetch(String url, long remainingNanos) {
        Call call = client.newCall(new Request.Builder().url(url).build());
        // in nanoseconds: 0.4 ms left is 0 in whole milliseconds, which would mean "never time out"
        call.timeout().timeout(remainingNanos, TimeUnit.NANOSECONDS);
        long start = System.nanoTime();
        try (Response response = call.execute()) {
            return PageReader.read(url, response, start);
        } catch (IOException failure) {
            // the call ran out of the budget, or never got an answer: a row like any other, and the loop goes on
            return PageResult.failed(url, Outcome.of(failure), Outcome.detail(failure), PageReader.since(start));
        }
    }

    private static PageResult skipped(String url, Duration budget) {
        return PageResult.failed(url, Outcome.SKIPPED, "not requested: the page's budget of " + budget.toMillis() + " ms was spent", Duration.ZERO);
    }
    // END EXERCISE 2.3
}
