package dev.asyncjavalin.ch02;

import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches pages one after another, like a loop of {@code requests.get(url)}: each call starts
 * only when the one before it has finished, so the total is the sum of all the latencies.
 */
final class SequentialFetcher {

    private final PageFetcher pages;

    SequentialFetcher(PageFetcher pages) {
        this.pages = pages;
    }

    // tag::fetchAll[]
    /** One row per URL, in the order given. */
    List<PageResult> fetchAll(List<String> urls, Duration timeout) {
        List<PageResult> results = new ArrayList<>();
        for (String url : urls) {
            results.add(pages.fetch(url, timeout)); // this thread waits here, once per URL
        }
        return results;
    }
    // end::fetchAll[]
}
