package dev.asyncjavalin.ch09;

import java.util.List;
import java.util.stream.Stream;

/** The five ways of serving a request that fetches pages, one per chapter that built one. */
public enum Model {
    SYNC("sync", "/sync_get_urls", "02", "one call after another, on the request thread"),
    CONCURRENT("concurrent", "/async_get_urls_v1", "03", "all calls at once; the request thread waits for them"),
    ASYNC("async", "/async_get_urls_v2", "04", "all calls at once with ctx.future; the request thread goes back to the pool"),
    VIRTUAL_THREADS("virtual threads", "/vthread_get_urls", "07", "blocking calls, each on its own virtual thread (JDK 21+)"),
    EVENT_LOOP("event loop", "/event_loop_get_urls", "07", "all calls at once with the JDK's sendAsync and ctx.future; no thread waits for any call");

    private final String label;
    private final String route;
    private final String chapter;
    private final String how;

    Model(String label, String route, String chapter, String how) {
        this.label = label;
        this.route = route;
        this.chapter = chapter;
        this.how = how;
    }

    public String label() {
        return label;
    }

    public String route() {
        return route;
    }

    /** The chapter that built this model, e.g. "03". */
    public String chapter() {
        return chapter;
    }

    /** One line on what a request does. */
    public String how() {
        return how;
    }

    /** The models this JVM can run, in the order of the course. */
    static List<Model> runningHere() {
        return Stream.of(values()).filter(Model::runsHere).toList();
    }

    /** Whether this JVM can run the model; only virtual threads need JDK 21+. */
    boolean runsHere() {
        return this != VIRTUAL_THREADS || VirtualThreads.available();
    }

    /** The request threads the model's own chapter used: virtual ones for chapter 07, a pool for the rest. */
    RequestThreads requestThreads(int poolSize) {
        return this == VIRTUAL_THREADS ? RequestThreads.VIRTUAL : RequestThreads.pool(poolSize);
    }
}
