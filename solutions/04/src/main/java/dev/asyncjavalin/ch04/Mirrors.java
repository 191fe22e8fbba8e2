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
        CompletableFuture<PageResult> first = one.applyToEither(other, row -> row);
        // also runs when a caller cancels the answer: then neither page is wanted any more
        first.whenComplete((row, failure) -> {
            one.cancel(true); // a no-op for the page that answered
            other.cancel(true);
        });
        return first;
        // END EXERCISE 4.4
    }
    // end::first[]
}
