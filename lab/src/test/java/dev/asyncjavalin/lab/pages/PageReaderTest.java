package dev.asyncjavalin.lab.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.checks.TitleParsing;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PageReaderTest {

    private static Response response(int code, String body) {
        return new Response.Builder()
                .request(new Request.Builder().url("http://127.0.0.1/x").build())
                .protocol(Protocol.HTTP_1_1).code(code).message("")
                .body(ResponseBody.create(body, MediaType.get("text/html")))
                .build();
    }

    @Test
    @DisplayName("a page's title is read and kept as text")
    void readsTitle() throws IOException {
        PageResult result = PageReader.read("u", response(200, "<html><head><TITLE> Pho </TITLE>"), System.nanoTime());
        assertThat(result.outcome()).isEqualTo(Outcome.OK);
        assertThat(result.title()).isEqualTo("Pho");
        assertThat(result.status()).isEqualTo("200");
    }

    @Test
    @DisplayName("the title tag may carry attributes and spaces; a longer tag name is not a title")
    void titleTagVariants() {
        assertThat(PageReader.titleOf("<title lang=\"en\">\n  Pad Thai\n</title >")).isEqualTo("Pad Thai");
        assertThat(PageReader.titleOf("<titles>No</titles><Title>Yes</TITLE>")).isEqualTo("Yes");
        assertThat(PageReader.titleOf("<title>a</title><title>b</title>")).isEqualTo("a");
        assertThat(PageReader.titleOf("<html>no title</html>")).isEmpty();
        assertThat(PageReader.titleOf("<title>never closed")).isEmpty();
        assertThat(PageReader.titleOf("<title")).isEmpty();
        assertThat(PageReader.titleOf("<title>" + "x".repeat(300) + "</title>")).hasSize(201).endsWith("x…");
    }

    @Test
    @DisplayName("1 MiB bodies made to slow a title search down give the right answer (their time: TitleParsing)")
    void hostileBodies() throws IOException {
        var bodies = TitleParsing.hostileBodies((int) PageReader.MAX_BODY_BYTES);
        // the lazy regex PageReader used took minutes on each of these; a linear scan takes milliseconds
        assertThat(bodies).allSatisfy((name, body) -> assertThat(body.length()).isLessThanOrEqualTo((int) PageReader.MAX_BODY_BYTES));
        assertThat(bodies.values()).map(PageReader::titleOf).containsExactly("", "", "", "Found");
        for (String body : bodies.values()) {
            assertThat(PageReader.read("u", response(200, body), System.nanoTime()).outcome()).isEqualTo(Outcome.OK);
        }
    }

    @Test
    @DisplayName("a redirect is a row naming the host it points to; its body is not read")
    void redirect() throws IOException {
        Response moved = response(301, "<title>Moved</title>").newBuilder().header("Location", "https://elsewhere.example/x").build();
        PageResult result = PageReader.read("u", moved, System.nanoTime());
        assertThat(result.outcome()).isEqualTo(Outcome.REDIRECTED);
        assertThat(result.status()).isEqualTo("redirected");
        assertThat(result.detail()).isEqualTo("redirected to elsewhere.example, not followed");
        assertThat(result.title()).isEmpty();
        assertThat(PageReader.read("u", response(302, ""), System.nanoTime()).detail()).isEqualTo("HTTP 302 without a Location header");
    }

    @Test
    @DisplayName("a non-2xx answer is an HTTP error row with its code")
    void httpError() throws IOException {
        PageResult result = PageReader.read("u", response(503, "busy"), System.nanoTime());
        assertThat(result.outcome()).isEqualTo(Outcome.HTTP_ERROR);
        assertThat(result.status()).isEqualTo("503");
        assertThat(result.detail()).contains("503");
    }

    @Test
    @DisplayName("a body over the limit is not kept in memory")
    void tooLarge() throws IOException {
        PageResult result = PageReader.read("u", response(200, "x".repeat((int) PageReader.MAX_BODY_BYTES + 10)), System.nanoTime());
        assertThat(result.outcome()).isEqualTo(Outcome.TOO_LARGE);
        assertThat(result.title()).isEmpty();
    }

    @Test
    @DisplayName("OkHttp's failures get names a learner recognises")
    void namesFailures() {
        assertThat(Outcome.of(new SocketTimeoutException("read timed out"))).isEqualTo(Outcome.TIMEOUT);
        assertThat(Outcome.of(new InterruptedIOException("timeout"))).isEqualTo(Outcome.TIMEOUT);
        assertThat(Outcome.of(new ConnectException("refused"))).isEqualTo(Outcome.UNREACHABLE);
        assertThat(Outcome.of(new IOException("unexpected end of stream"))).isEqualTo(Outcome.CONNECTION_LOST);
    }
}
