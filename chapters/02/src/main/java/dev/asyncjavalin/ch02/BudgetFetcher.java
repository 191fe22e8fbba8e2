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
    /**
     * @param client    the app's one client: every call goes through it
     * @param nanoClock where the budget's time is read: {@code System::nanoTime} in the app; the
     *                  check passes a clock that moves only when its fake upstream says time passed
     */
    BudgetFetcher(OkHttpClient client, LongSupplier nanoClock) {
    }

    /** One row per URL, in the order given; the whole page takes at most {@code budget}. */
    List<PageResult> fetchAll(List<String> urls, Duration budget) {
        throw new ExerciseNotSolved("2.3", "write BudgetFetcher from its specification: fields, the constructor, fetchAll");
    }
    // END EXERCISE 2.3
}
