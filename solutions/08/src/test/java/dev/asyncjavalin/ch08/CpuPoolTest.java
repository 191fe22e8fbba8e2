package dev.asyncjavalin.ch08;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CpuPoolTest {

    // tag::refuses[]
    @Test
    @DisplayName("a pool with 1 thread and 1 queue slot runs one task, holds one, and refuses the third at once")
    void fullPoolRefusesAtOnce() throws InterruptedException {
        HeldWork work = new HeldWork();
        try (CpuPool pool = new CpuPool(1, 1)) {
            CompletableFuture<String> running = pool.submit(() -> work.hash("a"));
            CompletableFuture<String> waiting = pool.submit(() -> work.hash("b"));
            CompletableFuture<String> refused = pool.submit(() -> work.hash("c"));

            assertThat(refused).isCompletedExceptionally(); // no waiting: refused before any work has finished
            assertThatThrownBy(refused::join).cause().isInstanceOf(ServerBusy.class).hasMessageContaining("busy");
            assertThat(pool.usage().refused()).isEqualTo(1);

            work.allowAll();
            assertThat(running.join()).isEqualTo("hashed(a)");
            assertThat(waiting.join()).isEqualTo("hashed(b)");
        }
    }
    // end::refuses[]
}
