package dev.asyncjavalin.slides;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SlideServerTest {

    @Test
    @DisplayName("the server answers / with the index and /NN.html with a deck")
    void servesIndexAndDecks() throws IOException {
        Path pages = BuiltDecks.pages();
        Path firstDeck = BuiltDecks.deckPages().get(0);

        JavalinTest.test(SlideServer.create(pages), (server, client) -> {
            assertThat(client.get("/").body().string()).contains("href=\"" + firstDeck.getFileName() + "\"");
            assertThat(client.get("/" + firstDeck.getFileName()).body().string()).contains("<section class=\"slide\"");
            assertThat(client.get("/nothing.html").code()).isEqualTo(404);
        });
    }
}
