package dev.asyncjavalin.ch06;

import dev.asyncjavalin.lab.pages.PageClient;
import java.util.function.Function;

/**
 * The aggregator that your tests (the {@code Your*Tests} classes) test. It is the correct
 * {@link RecipeAggregator}, except while an exercise check runs your tests against a broken
 * variant. Always get the aggregator from here, never with {@code new}, or the check cannot swap it.
 */
public final class Subject {

    private static volatile Function<PageClient, Aggregator> current = RecipeAggregator::new;

    private Subject() {
    }

    /** The aggregator under test, fetching through {@code client}. */
    public static Aggregator aggregator(PageClient client) {
        return current.apply(client);
    }

    /** Runs {@code tests} with {@code variant} as the subject, and puts the correct one back afterwards. */
    static void swappedFor(Function<PageClient, Aggregator> variant, Runnable tests) {
        current = variant;
        try {
            tests.run();
        } finally {
            current = RecipeAggregator::new;
        }
    }
}
