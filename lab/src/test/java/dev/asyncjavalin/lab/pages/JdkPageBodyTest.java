package dev.asyncjavalin.lab.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.DaemonThreads;
import dev.asyncjavalin.lab.SlowUpstream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JdkPageBodyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SlowUpstream upstream = SlowUpstream.builder().pages(1).start();
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(2, DaemonThreads.named("jdk-client"));
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).executor(clientThreads).build();

    @AfterEach
    void stop() {
        clientThreads.shutdownNow();
        upstream.close();
    }

    private PageResult fetch(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build();
        return client.sendAsync(request, answer -> new JdkPageBody(url, answer, System.nanoTime())).thenApply(HttpResponse::body).join();
    }

    @Test
    @DisplayName("a page is a 200 row with its title; an HTTP error is a row with its code")
    void pagesAndErrors() {
        PageResult page = fetch(upstream.recipeUrls().get(0));
        PageResult error = fetch(upstream.url("/error"));

        assertThat(page.outcome()).isEqualTo(Outcome.OK);
        assertThat(page.title()).isNotBlank();
        assertThat(error.outcome()).isEqualTo(Outcome.HTTP_ERROR);
        assertThat(error.detail()).isEqualTo("upstream answered HTTP 500");
    }

    @Test
    @DisplayName("a body past the limit is a 'too large' row, and the same redirect words as PageReader's")
    void tooLargeAndRedirect() {
        PageResult huge = fetch(upstream.url("/huge?mb=8"));
        PageResult redirect = fetch(upstream.url("/redirect?to=/recipes/1"));

        assertThat(huge.outcome()).isEqualTo(Outcome.TOO_LARGE);
        assertThat(huge.detail()).isEqualTo("body larger than 1024 KiB, not read");
        assertThat(redirect.outcome()).isEqualTo(Outcome.REDIRECTED);
        assertThat(redirect.detail()).isEqualTo("redirected to 127.0.0.1, not followed");
    }

    @Test
    @DisplayName("given a row, it completes it on the client's own thread, with no hand-off")
    void completesOnTheClientsThread() {
        String url = upstream.recipeUrls().get(0);
        CompletableFuture<PageResult> row = new CompletableFuture<>();
        CompletableFuture<String> completedOn = row.thenApply(done -> Thread.currentThread().getName());

        client.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
                answer -> new JdkPageBody(url, answer, System.nanoTime(), row));

        assertThat(completedOn).succeedsWithin(TIMEOUT).asString().startsWith("jdk-client");
    }
}
