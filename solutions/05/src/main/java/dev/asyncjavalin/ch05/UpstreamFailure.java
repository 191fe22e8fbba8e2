package dev.asyncjavalin.ch05;

import dev.asyncjavalin.lab.pages.PageResult;

/** The one page a route needed did not come back: the app is fine, the site it relies on is not. */
final class UpstreamFailure extends RuntimeException {

    private final PageResult result;

    UpstreamFailure(PageResult result) {
        super("upstream page " + result.url() + " failed: " + result.status());
        this.result = result;
    }

    /** What the page says went wrong: "timeout", "unreachable", "500", ... never an exception's text. */
    String what() {
        return result.status();
    }
}
