package dev.asyncjavalin.ch04;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import dev.asyncjavalin.lab.pages.PageResult;
import java.util.concurrent.CompletableFuture;

/**
 * The same page asked of two mirrors: whichever answers first is the answer, and the slower one's
 * call stops at that moment. A lab {@code PageClient} future owns its call, so cancelling the
 * future is how the call is stopped.
 */
final class Mirrors {

    private Mirrors() {
    }

    // tag::first[]
    static CompletableFuture<PageResult> first(CompletableFuture<PageResult> one, CompletableFuture<PageResult> other) {
        // EXERCISE 4.4: answer with whichever page comes first, and cancel the other one's future
        throw new ExerciseNotSolved("4.4", "answer with the first of the two pages to arrive, and cancel the other one's future");
        // END EXERCISE 4.4
    }
    // end::first[]
}
