package dev.asyncjavalin.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.asyncjavalin.lab.checks.CancelledCalls;
import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageClient;
import dev.asyncjavalin.lab.pages.PageResult;
import dev.asyncjavalin.lab.testing.OpenFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The app and its embedded upstream share one JVM, so a socket the upstream forgets is a socket
 * the app loses: these tests count the JVM's open files around calls given up on.
 */
class CancelLeakTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeEach
    void onLinux() {
        assumeThat(OpenFiles.countable()).as("/proc/self/fd (Linux) to count open files").isTrue();
    }

    @Test
    @DisplayName("500 calls cancelled before the upstream answers leave no socket open on either side")
    void cancelledCallsLeakNothing() throws InterruptedException {
        CancelledCalls.Count count = CancelledCalls.run(500);

        // before the fix, 480 to 500 of them stayed open
        assertThat(count.after() - count.before()).as(count.toString()).isLessThanOrEqualTo(CancelledCalls.SLACK);
    }

    @Test
    @DisplayName("calls cancelled before their answer leave no connection behind in the upstream")
    void cancelledCallsLeaveNoConnection() throws InterruptedException {
        int calls = 200;
        try (SlowUpstream upstream = SlowUpstream.start(); PageClient pages = PageClient.create(calls, calls)) {
            List<CompletableFuture<PageResult>> cancelled = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                cancelled.add(pages.fetch(upstream.url("/held"), WAIT));
            }
            assertThat(upstream.awaitReceived(calls, WAIT)).as("requests arrived").isTrue();
            assertThat(upstream.openConnections()).as("connections while %d calls wait, one each", calls).isEqualTo(calls);
            cancelled.forEach(call -> call.cancel(true)); // PageClient cancels each HTTP call
            assertThat(upstream.releaseHeld()).isEqualTo(calls); // every answer now goes to a client that left
            assertThat(upstream.awaitFinished(calls, WAIT)).as("answers written or failed").isTrue();
            // the JDK's own HttpServer (JDK 17) kept every one of these in its books for good
            boolean allClosed = upstream.awaitNoConnections(WAIT);
            assertThat(allClosed).as("the upstream closed all its connections (%d still open)", upstream.openConnections()).isTrue();
        }
    }

    @Test
    @DisplayName("closing the upstream frees the sockets of the requests it still holds (/hang)")
    void closeFreesHeldRequests() throws InterruptedException {
        int calls = 100;
        int before;
        List<CompletableFuture<PageResult>> hanging = new ArrayList<>();
        try (PageClient pages = PageClient.create(calls, calls)) {
            try (SlowUpstream upstream = SlowUpstream.start()) {
                before = OpenFiles.count();
                for (int i = 0; i < calls; i++) {
                    hanging.add(pages.fetch(upstream.url("/hang"), WAIT));
                }
                assertThat(upstream.awaitReceived(calls, WAIT)).as("requests arrived").isTrue();
            }
            // only the upstream closing its side can end these calls before their 20 s timeout
            assertThat(hanging).allSatisfy(call ->
                    assertThat(call).succeedsWithin(WAIT).extracting(PageResult::outcome).isEqualTo(Outcome.CONNECTION_LOST));
        }
        int after = OpenFiles.awaitAtMost(before, WAIT);
        assertThat(after).as("open files after closing an upstream that held %d requests (%d before)", calls, before)
                .isLessThanOrEqualTo(before);
    }
}
