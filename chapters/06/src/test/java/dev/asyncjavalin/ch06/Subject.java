package dev.asyncjavalin.ch06;

import dev.asyncjavalin.lab.pages.PageClient;
import java.util.function.Function;

/**
 * The aggregator that your tests (the {@code Your*Tests} classes) test. It is the correct
 * {@link RecipeAggregator}, except while an exercise check runs your tests against another
 * variant (see {@link Variants}). Always get the aggregator from here, never with {@code new}, or the check cannot swap it.
 */
public final class Subject {

    // one per thread (and the threads it starts), so that the check can run your tests against several
    // aggregators at once
    private static final InheritableThreadLocal<Function<PageClient, Aggregator>> CURRENT = new InheritableThreadLocal<>() {
        @Override
        protected Function<PageClient, Aggregator> initialValue() {
            return RecipeAggregator::new;
        }
    };

    private Subject() {
    }

    /** The aggregator under test, fetching through {@code client}. */
    public static Aggregator aggregator(PageClient client) {
        return CURRENT.get().apply(client);
    }

    /** Runs {@code tests} on this thread with {@code variant} as the subject, and puts the correct one back afterwards. */
    static void swappedFor(Function<PageClient, Aggregator> variant, Runnable tests) {
        CURRENT.set(variant);
        try {
            tests.run();
        } finally {
            CURRENT.remove();
        }
    }
}
