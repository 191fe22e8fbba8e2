package dev.asyncjavalin.ch07;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import dev.asyncjavalin.lab.pages.PageResult;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Exercise 7.3 (build it): every page of a request fetched with {@code sendAsync}, none of them
 * holding a thread while it waits. Write it from its specification in the chapter README, section
 * "Exercise 7.3 · an event-loop fan-out with sendAsync": what the constructor gets, what
 * {@code fetchAll} returns, which rows a failure and the deadline make. {@link AsyncPageCall}
 * fetches one page; this class fans a list of them out.
 */
final class EventLoopFetcher {

    // EXERCISE 7.3 an event-loop fan-out with sendAsync
    EventLoopFetcher(HttpClient client, Duration callTimeout) {
        // keep what fetchAll will need
    }

    CompletableFuture<List<PageResult>> fetchAll(List<String> urls, Duration deadline) {
        throw new ExerciseNotSolved("7.3", "write EventLoopFetcher from its specification: start every page with"
                + " AsyncPageCall.fetch, and return a future of the rows without waiting for any of them");
    }
    // END EXERCISE 7.3
}
