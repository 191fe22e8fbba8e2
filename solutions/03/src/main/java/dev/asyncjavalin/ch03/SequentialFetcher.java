package dev.asyncjavalin.ch03;

import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One page after another: start a call, wait for it, start the next. Costs the sum of all calls. */
final class SequentialFetcher {

    private final PageCalls calls;

    SequentialFetcher(PageCalls calls) {
        this.calls = calls;
    }

    // tag::fetchAll[]
    List<PageResult> fetchAll(List<String> urls, Duration timeout) {
        List<PageResult> results = new ArrayList<>();
        for (String url : urls) {
            results.add(calls.start(url, timeout).join()); // wait before starting the next one
        }
        return results;
    }
    // end::fetchAll[]
}
