package dev.asyncjavalin.ch04;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.SlowUpstream;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("4.2 a non-blocking /data serves 50 clients on an 8-thread pool")
class Exercise42DataTest {

    private static final int CLIENTS = 50;

    // tag::fifty[]
    @Test
    @DisplayName("50 requests to /data wait together on a pool with 6 threads for requests")
    void fiftyClientsOnEightThreads() {
        // the gate answers nobody until 50 loads wait at once; a handler that holds its thread lets only 6 wait
        GatedData gate = new GatedData(CLIENTS, Duration.ofSeconds(10));
        Settings eightThreads = Settings.defaults().withPoolSize(8).withData(() -> gate);
        try (SlowUpstream upstream = SlowUpstream.start()) {
            JavalinTest.test(App.create(upstream.urls(), eightThreads), (server, client) -> {
                List<Clients.Answer> answers = Clients.getAtOnce(server.port(), "/data", CLIENTS, Duration.ofSeconds(30));

                List<String> notServed = answers.stream()
                        .filter(answer -> answer.status() != 200 || !answer.body().startsWith(GatedData.OPENED))
                        .map(answer -> answer.status() + " " + answer.body().lines().findFirst().orElse(""))
                        .distinct().toList();
                assertThat(notServed).as("Exercise 4.2: answers that did not come through the open gate").isEmpty();
            });
        }
    }
    // end::fifty[]
}
