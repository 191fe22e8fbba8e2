package dev.asyncjavalin.ch06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 6.4 (build it): a whole test class of your own, for three promises of
 * {@link Aggregator#fetchAll} that 6.1 to 6.3 leave untested. The specification is the README's
 * "Exercise 6.4 · build it: a test class for the rest of the contract".
 *
 * <p>Write everything between the markers: the fields, the set-up and tear-down, and the tests. Take
 * the aggregator from {@link Subject#aggregator}, never with {@code new}. {@link Exercise64ContractTest}
 * runs this class against every aggregator in {@link Variants}: on each correct one every test must
 * pass, and on each of MergesDuplicates, RetriesServerErrors and KeepsCallRunning at least one must fail.
 */
@Tag("exercise")
class YourContractTests {

    // EXERCISE 6.4: build this test class from the README's specification
    @Test
    @DisplayName("fetchAll keeps the rest of its contract")
    void keepsTheContract() {
        throw new dev.asyncjavalin.lab.ExerciseNotSolved("6.4", "write this whole test class from its specification");
    }
    // END EXERCISE 6.4
}
