package dev.asyncjavalin.ch06;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Checks the test class you build in {@link YourContractTests}. Nothing to change here. */
@Tag("exercise")
@DisplayName("6.4 build it: a test class for the rest of the contract")
class Exercise64ContractTest {

    @Test
    @DisplayName("YourContractTests pass on every correct aggregator and catch MergesDuplicates, RetriesServerErrors and KeepsCallRunning")
    void catchesEveryBrokenVariant() {
        LearnerTestRun.assertJudges("6.4", YourContractTests.class, Variants.CORRECT, Variants.BROKEN_64);
    }
}
