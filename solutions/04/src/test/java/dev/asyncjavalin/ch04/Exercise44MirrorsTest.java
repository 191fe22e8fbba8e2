package dev.asyncjavalin.ch04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.asyncjavalin.lab.pages.Outcome;
import dev.asyncjavalin.lab.pages.PageResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The mirrors are plain futures that the test completes itself, so nothing here waits: a future's
 * dependent stages run on the thread that completes it, before {@code complete} returns. When a
 * mirror's page arrives, the answer must be there and the other mirror's future already cancelled.
 */
@Tag("exercise")
@DisplayName("4.4 the first of two mirrors")
class Exercise44MirrorsTest {

    @Test
    @DisplayName("the second mirror answers first: its page is the answer at once, and the first mirror's future is cancelled")
    void secondAnswersFirst() {
        CompletableFuture<PageResult> one = new CompletableFuture<>();
        CompletableFuture<PageResult> other = new CompletableFuture<>();
        CompletableFuture<PageResult> answer = Mirrors.first(one, other);
        assertThat(answer).as("Exercise 4.4: the answer before either mirror has answered").isNotDone();

        other.complete(page("https://mirror-b.test/recipes/1"));

        answeredWith(answer, "https://mirror-b.test/recipes/1", "the second mirror");
        assertThat(one.isCancelled()).as("Exercise 4.4: the first mirror's future once the second mirror's page is the answer:"
                + " cancel it, so that its call stops (a PageClient future cancels its call)").isTrue();
    }

    @Test
    @DisplayName("the first mirror answers first: its page is the answer at once, and the second mirror's future is cancelled")
    void firstAnswersFirst() {
        CompletableFuture<PageResult> one = new CompletableFuture<>();
        CompletableFuture<PageResult> other = new CompletableFuture<>();
        CompletableFuture<PageResult> answer = Mirrors.first(one, other);

        one.complete(page("https://mirror-a.test/recipes/1"));

        answeredWith(answer, "https://mirror-a.test/recipes/1", "the first mirror");
        assertThat(other.isCancelled()).as("Exercise 4.4: the second mirror's future once the first mirror's page is the answer:"
                + " cancel it, so that its call stops (a PageClient future cancels its call)").isTrue();
    }

    @Test
    @DisplayName("a caller that cancels the answer (its visitor left) cancels both mirrors")
    void cancelledAnswerCancelsBoth() {
        CompletableFuture<PageResult> one = new CompletableFuture<>();
        CompletableFuture<PageResult> other = new CompletableFuture<>();
        CompletableFuture<PageResult> answer = Mirrors.first(one, other);

        answer.cancel(true);

        assertThat(one.isCancelled() && other.isCancelled()).as("Exercise 4.4: both mirrors' futures after the answer was cancelled:"
                + " nobody waits for either page any more, so cancel them whenever the answer completes, not only when a page arrives")
                .isTrue();
    }

    private static void answeredWith(CompletableFuture<PageResult> answer, String url, String mirror) {
        if (!answer.isDone()) {
            fail("Exercise 4.4: %s answered, and the answer is still not there: it waits for one particular mirror, or for both;"
                    + " take whichever comes first", mirror);
        }
        assertThat(answer.join().url()).as("Exercise 4.4: the answer once %s answered", mirror).isEqualTo(url);
    }

    private static PageResult page(String url) {
        return new PageResult(url, Outcome.OK, 200, "Lemon tart", "", Duration.ofMillis(12));
    }
}
