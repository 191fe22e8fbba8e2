package dev.asyncjavalin.ch04;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import dev.asyncjavalin.lab.Lab;
import dev.asyncjavalin.lab.pages.PageResult;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exercise 4.3 (build it): {@code GET /pages?pick=2,5,9} fetches the pages a visitor picks by their
 * number, all at once, and answers one line per page without holding a thread while they load.
 * Everything you need is in the chapter README, section "Exercise 4.3 · a /pages route with its own
 * error handling": write the class's body between the markers, from that specification.
 */
final class PickedPages {

    /** The most pages one request may pick. */
    static final int MAX_PICKS = 5;

    /** Where the pages come from: the app passes its PageClient; the check passes fakes that wait or fail. */
    @FunctionalInterface
    interface PageSource {

        /** Starts fetching {@code url} and returns at once (a source with a bug may throw, or fail its future). */
        CompletableFuture<PageResult> fetch(String url);
    }

    // EXERCISE 4.3 build it: GET /pages?pick=, from the specification in the README
    PickedPages(List<String> pages, PageSource source, Executor answerOn) {
    }

    void handle(Context ctx) {
        throw new ExerciseNotSolved("4.3", "write PickedPages from its specification: check ?pick=, fetch the picked pages at once,"
                + " and answer one line per page on answerOn without holding a thread");
    }
    // END EXERCISE 4.3
}
