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
    private static final Logger LOG = LoggerFactory.getLogger(PickedPages.class);

    private final List<String> pages;
    private final PageSource source;
    private final Executor answerOn;

    PickedPages(List<String> pages, PageSource source, Executor answerOn) {
        this.pages = List.copyOf(pages);
        this.source = source;
        this.answerOn = answerOn;
    }

    void handle(Context ctx) {
        List<Integer> picks = picks(ctx.queryParam("pick"));
        if (picks.isEmpty()) { // checked before any call starts: a bad request costs the upstream nothing
            ctx.status(400).contentType("text/plain; charset=utf-8").result(badPick(ctx.queryParam("pick")) + "\n");
            return;
        }
        List<CompletableFuture<String>> lines = picks.stream().map(this::line).toList();
        // the handler returns now; a request thread writes the lines once the last one is in
        ctx.future(() -> CompletableFuture.allOf(lines.toArray(CompletableFuture[]::new))
                .thenAcceptAsync(allDone -> ctx.contentType("text/plain; charset=utf-8")
                        .result(lines.stream().map(CompletableFuture::join).collect(Collectors.joining("\n", "", "\n"))), answerOn));
    }

    /** One page's line; it never fails, so one broken page cannot take the others with it. */
    private CompletableFuture<String> line(int pick) {
        String url = pages.get(pick - 1);
        CompletableFuture<PageResult> page;
        try {
            page = source.fetch(url);
        } catch (RuntimeException e) {
            page = CompletableFuture.failedFuture(e); // a throw before the future exists is a failure like any other
        }
        return page.handle((row, failure) -> {
            if (failure != null) {
                LOG.warn("page {} ({}) could not be read", pick, url, failure); // the reason is for the log, not the visitor
                return "page " + pick + ": error, this page could not be read; the reason is in the server log";
            }
            return "page " + pick + ": " + row.status() + ", " + (row.ok() ? row.title() : row.detail());
        });
    }

    /** The picked page numbers, in order; empty when {@code pick} is missing or is not 1 to 5 numbers of pages. */
    private List<Integer> picks(String pick) {
        if (pick == null) {
            return List.of();
        }
        String[] parts = pick.split(",", -1); // -1 keeps empty parts: "1,,2" and "1," are refused, not read as "1,2"
        if (parts.length > MAX_PICKS) {
            return List.of();
        }
        List<Integer> picks = new ArrayList<>();
        for (String part : parts) {
            try {
                int number = Lab.wholeNumber(part); // ASCII digits only, at most 9: "+3" and "99999999999" are refused
                if (number < 1 || number > pages.size()) {
                    return List.of();
                }
                picks.add(number);
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        return picks;
    }

    private String badPick(String pick) {
        String allowed = "1 to " + MAX_PICKS + " page numbers from 1 to " + pages.size() + ", separated by commas";
        return pick == null
                ? "Query parameter 'pick' is required: " + allowed + ", e.g. ?pick=1,3"
                : "Query parameter 'pick' must be " + allowed + ", got '" + pick + "'";
    }
    // END EXERCISE 4.3
}
