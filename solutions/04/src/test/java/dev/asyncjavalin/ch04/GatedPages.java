package dev.asyncjavalin.ch04;

import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A page source that proves how many fetches can wait at once, without a clock, as {@link GatedData}
 * does for {@code /data}: it answers nobody until the test opens it. Each page it answers has the
 * title {@code titles + url}, so an answer that did not come from it shows. A test that sees the
 * gate cannot fill breaks it instead: every waiting and later fetch ends at once with a failed row.
 */
final class GatedPages implements PickedPages.PageSource {

    private final String titles;
    private final List<Map.Entry<String, CompletableFuture<PageResult>>> waiting = new ArrayList<>();
    private String brokenBecause;
    private int mostWaiting;

    GatedPages(String titles) {
        this.titles = titles;
    }

    /** The title of the page this source gives for {@code url}. */
    String title(String url) {
        return titles + url;
    }

    @Override
    public CompletableFuture<PageResult> fetch(String url) {
        CompletableFuture<PageResult> page = new CompletableFuture<>();
        synchronized (this) {
            if (brokenBecause == null) {
                waiting.add(Map.entry(url, page));
                mostWaiting = Math.max(mostWaiting, waiting.size());
                return page;
            }
        }
        page.complete(PageResult.failed(url, Outcome.CONNECTION_LOST, "gate broken: " + brokenBecause, Duration.ZERO));
        return page;
    }

    synchronized int mostWaiting() {
        return mostWaiting;
    }

    /** Answers every waiting fetch with its page; each completion runs the route's next stage on the caller's thread. */
    void open() {
        released().forEach(entry -> entry.getValue().complete(
                new PageResult(entry.getKey(), Outcome.OK, 200, title(entry.getKey()), "", Duration.ofMillis(1))));
    }

    /** Ends every waiting fetch, and every later one at once, with a failed row that says {@code because}. */
    void breakOpen(String because) {
        synchronized (this) {
            if (brokenBecause == null) {
                brokenBecause = because;
            }
        }
        released().forEach(entry -> entry.getValue().complete(
                PageResult.failed(entry.getKey(), Outcome.CONNECTION_LOST, "gate broken: " + because, Duration.ZERO)));
    }

    private List<Map.Entry<String, CompletableFuture<PageResult>>> released() {
        synchronized (this) {
            List<Map.Entry<String, CompletableFuture<PageResult>>> released = List.copyOf(waiting);
            waiting.clear();
            return released; // completed outside the lock, so route code run by a completion cannot deadlock with fetch()
        }
    }
}
