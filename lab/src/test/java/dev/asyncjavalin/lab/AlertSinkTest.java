package dev.asyncjavalin.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AlertSinkTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    @AutoClose
    private final AlertSink sink = AlertSink.start();

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("a posted alert is kept and listed on the sink's page")
    void keepsAndListsAlerts() throws Exception {
        var posted = send(HttpRequest.newBuilder(URI.create(sink.webhookUrl()))
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"disk on fire\"}")));

        assertThat(posted.statusCode()).isEqualTo(204);
        assertThat(sink.alerts()).singleElement().asString().endsWith("{\"text\":\"disk on fire\"}");
        assertThat(send(HttpRequest.newBuilder(URI.create(sink.baseUrl() + "/"))).body())
                .contains("1 alert(s) received", "disk on fire");
    }

    @Test
    @DisplayName("anything else is a 404 that says where alerts go")
    void explainsOtherPaths() throws Exception {
        var response = send(HttpRequest.newBuilder(URI.create(sink.baseUrl() + "/alerts")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("POST alerts to /alerts");
        assertThat(sink.alerts()).isEmpty();
    }
}
