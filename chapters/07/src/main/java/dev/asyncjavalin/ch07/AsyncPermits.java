package dev.asyncjavalin.ch07;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Exercise 7.5 (stretch, optional): exercise 7.2's "at most K calls in flight" for the event loop of
 * 7.3, where nothing may block: a call waiting for a permit holds no thread either. Write it from
 * its specification in the chapter README, section "Exercise 7.5 · at most K calls on the event
 * loop".
 */
final class AsyncPermits {

    // EXERCISE 7.5 at most K calls on the event loop
    AsyncPermits(int permits) {
        // keep what withPermit will need
    }

    <T> CompletableFuture<T> withPermit(Supplier<CompletableFuture<T>> call) {
        throw new ExerciseNotSolved("7.5", "write AsyncPermits from its specification: start the call when a permit is"
                + " free, queue it (without blocking) when none is, and give the permit back when the call ends");
    }
    // END EXERCISE 7.5
}
