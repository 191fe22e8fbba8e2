package dev.asyncjavalin.ch09;

import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Chapter 02's model, the article's sync route: one blocking call after another on the request
 * thread. A request costs the sum of its calls.
 */
final class SequentialModel {

    private final PageClient client;
    private final Duration callTimeout;

    SequentialModel(PageClient client, Duration callTimeout) {
        this.client = client;
        this.callTimeout = callTimeout;
    }

    // tag::fetchAll[]
    List<PageResult> fetchAll(List<String> urls) {
        List<PageResult> rows = new ArrayList<>();
        for (String url : urls) {
            rows.add(client.fetchBlocking(url, callTimeout)); // the next call starts only after this one ends
        }
        return rows;
    }
    // end::fetchAll[]
}
