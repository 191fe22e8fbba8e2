package dev.asyncjavalin.ch04;

import dev.asyncjavalin.lab.pages.PageResult;
import java.util.List;

/**
 * A request that needs every page got fewer. It travels inside a failed future; Javalin hands
 * it, unwrapped, to the exception handler registered for it.
 */
final class PagesFailed extends RuntimeException {

    private final List<PageResult> failed;
    private final int asked;

    PagesFailed(List<PageResult> failed, int asked) {
        super(failed.size() + " of " + asked + " pages failed");
        this.failed = List.copyOf(failed);
        this.asked = asked;
    }

    List<PageResult> failed() {
        return failed;
    }

    int asked() {
        return asked;
    }
}
