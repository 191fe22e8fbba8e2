package dev.asyncjavalin.ch02;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageReader;
import dev.asyncjavalin.lab.pages.PageResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Fetches one page and says how it went: the Java counterpart of one {@code requests.get(url)}. */
final class PageFetcher {

    private final OkHttpClient client;

    PageFetcher(OkHttpClient client) {
        this.client = client;
    }

    // tag::fetch[]
    /** Blocks the calling thread until the page is read or {@code timeout} has passed. */
    PageResult fetch(String url, Duration timeout) {
        Call call = client.newCall(new Request.Builder().url(url).build());
        // covers everything: connecting, sending, waiting and reading the body
        call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        // EXERCISE 2.1: a failed call becomes a row (timeout, unreachable, connection lost), never an error page
        try (Response response = call.execute()) { // closing the response returns its connection to the pool
            return PageReader.read(url, response, start);
        } catch (IOException failure) {
            throw new ExerciseNotSolved("2.1", "turn " + failure.getClass().getSimpleName() + " from " + url + " into a PageResult.failed(...) row");
        }
        // END EXERCISE 2.1
    }
    // end::fetch[]
}
