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
        } catch (InterruptedIOException failure) {
            // OkHttp reports both of its timeouts this way: the per-call one as "timeout",
            // a read that went quiet as its subclass SocketTimeoutException
            return PageResult.failed(url, Outcome.TIMEOUT, "no answer within " + timeout.toMillis() + " ms", PageReader.since(start));
        } catch (ConnectException | UnknownHostException failure) {
            // nobody listening, or no such host: no connection was ever made
            return PageResult.failed(url, Outcome.UNREACHABLE, "could not connect: " + failure.getMessage(), PageReader.since(start));
        } catch (IOException failure) {
            // connected, then the conversation broke off (a reset, a closed socket, a truncated answer)
            return PageResult.failed(url, Outcome.CONNECTION_LOST, "connection broke off: " + failure.getMessage(), PageReader.since(start));
        }
        // END EXERCISE 2.1
    }
    // end::fetch[]
}
