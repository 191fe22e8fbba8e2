package dev.asyncjavalin.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import io.javalin.validation.ValidationException;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lab.wholeNumber takes what a person types in a URL, and refuses anything else with a sentence. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one app for every request: no test changes it
class QueryParametersTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Javalin app;

    @BeforeAll
    void start() {
        app = Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.lab.templates");
            config.routes.get("/steps", ctx -> ctx.result("steps=" + Lab.wholeNumber(ctx, "steps", 20, 1, 100)));
            // Javalin's own idiom, as exercise 1.2 has a learner write it
            config.routes.get("/int", ctx -> ctx.result("n=" + ctx.queryParamAsClass("n", Integer.class).get()));
            config.routes.get("/long", ctx -> ctx.result("n=" + ctx.queryParamAsClass("n", Long.class).get()));
            config.routes.exception(ValidationException.class, Lab::badQueryParameter);
        }).start("localhost", 0);
    }

    @AfterAll
    void stop() {
        app.stop();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        URI uri = URI.create("http://localhost:" + app.port() + pathAndQuery);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("absent: the default; in range, at both ends: the number")
    void acceptsPlainNumbers() throws Exception {
        assertThat(get("/steps").body()).isEqualTo("steps=20");
        assertThat(get("/steps?steps=1").body()).isEqualTo("steps=1");
        assertThat(get("/steps?steps=100").body()).isEqualTo("steps=100");
    }

    @ParameterizedTest(name = "?steps={0} is refused as not a whole number")
    @ValueSource(strings = {"%2B5", "%EF%BC%95", "5.0", "abc", "", "1234567890123"})
    void refusesWhatIsNotAsciiDigits(String value) throws Exception {
        HttpResponse<String> response = get("/steps?steps=" + value);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("Query parameter 'steps' must be a whole number, got '");
    }

    @ParameterizedTest(name = "queryParamAsClass(..., {0}) reads plain numbers")
    @ValueSource(strings = {"int", "long"})
    void queryParamAsClassReadsPlainNumbers(String type) throws Exception {
        assertThat(get("/" + type + "?n=42").body()).isEqualTo("n=42");
        assertThat(get("/" + type + "?n=-7").body()).isEqualTo("n=-7");
        assertThat(get("/" + type + "?n=007").body()).isEqualTo("n=7");
    }

    @ParameterizedTest(name = "queryParamAsClass(\"n\", Integer.class) refuses ?n={0} as it refuses abc")
    @ValueSource(strings = {"%2B5", "%EF%BC%95", "%205", "5%20", "5.0", "1234567890123", "abc"})
    void queryParamAsClassRefusesWhatIsNotAsciiDigits(String value) throws Exception {
        for (String type : new String[] {"int", "long"}) {
            HttpResponse<String> response = get("/" + type + "?n=" + value);
            String typed = URLDecoder.decode(value, StandardCharsets.UTF_8);

            assertThat(response.statusCode()).as("%s ?n=%s", type, value).isEqualTo(400);
            assertThat(response.body()).as("%s ?n=%s", type, value)
                    .isEqualTo("Query parameter 'n' must be a whole number, got '" + typed + "'\n");
        }
    }

    @Test
    @DisplayName("wholeNumber(text) takes ASCII digits only, for path segments and the like")
    void wholeNumberOfText() {
        assertThat(Lab.wholeNumber("12")).isEqualTo(12);
        assertThat(Lab.wholeNumber("-3")).isEqualTo(-3);
        for (String notANumber : new String[] {"+5", "\uFF15", " 5", "5 ", "", "1234567890", "1e3"}) {
            assertThatThrownBy(() -> Lab.wholeNumber(notANumber))
                    .as("'%s'", notANumber).isInstanceOf(NumberFormatException.class);
        }
    }

    @ParameterizedTest(name = "?steps={0} is refused as out of range")
    @ValueSource(strings = {"0", "101", "-3"})
    void refusesOutOfRange(String value) throws Exception {
        HttpResponse<String> response = get("/steps?steps=" + value);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("Query parameter 'steps' must be from 1 to 100, got '" + value + "'\n");
    }

    @ParameterizedTest(name = "a broken escape ({0}) is a 400, not a silently dropped parameter")
    @ValueSource(strings = {"?steps=%zz", "?steps=%", "?steps=5&x=%4"})
    void refusesBrokenEscapes(String query) throws Exception {
        String response = rawGet("/steps" + query);

        assertThat(response).startsWith("HTTP/1.1 400 ").contains("not valid URL encoding");
    }

    /** The JDK's HTTP client refuses to send a broken escape, as a browser's address bar may not: write the request by hand. */
    private String rawGet(String target) throws IOException {
        try (Socket socket = new Socket("localhost", app.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
