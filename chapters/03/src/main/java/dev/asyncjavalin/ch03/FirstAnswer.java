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
        throw new ExerciseNotSolved("3.5", "write fetchFirst from its specification");
    }
    // END EXERCISE 3.5
}
