package dev.asyncjavalin.ch08;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

/** JobRunr's threads (its workers, its zookeepers, its startup tasks): once every instance of a test has stopped, none is left. */
final class JobRunrThreads {

    /** A stopped server's threads end as soon as their current task does; the bound only keeps a leak from hanging the build. */
    private static final Duration NEVER = Duration.ofSeconds(30);

    private JobRunrThreads() {
    }

    static void assertNoneLeft() throws InterruptedException {
        for (Thread thread : jobRunrThreads()) {
            thread.join(NEVER.toMillis());
        }
        assertThat(jobRunrThreads()).as("JobRunr threads still alive after every instance stopped").isEmpty();
    }

    private static List<Thread> jobRunrThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && (thread.getName().startsWith("backgroundjob-") || thread.getName().startsWith("jobrunr-")))
                .toList();
    }
}
