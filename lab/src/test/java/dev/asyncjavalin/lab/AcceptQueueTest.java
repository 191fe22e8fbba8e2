package dev.asyncjavalin.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every app on the lab holds a burst of new connections instead of dropping all but the first 50. */
class AcceptQueueTest {

    @Test
    @DisplayName("Javalin's own connector and a chapter's own one both get the long accept queue")
    void everyConnectorGetsTheLongQueue() {
        Javalin plain = Javalin.create(config -> Lab.configure(config, "dev.asyncjavalin.lab.templates")).start(0);
        Javalin ownConnector = Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.lab.templates");
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
                connector.setHost("127.0.0.1");
                connector.setPort(0);
                return connector;
            });
        }).start(0);
        try {
            for (Javalin app : new Javalin[] {plain, ownConnector}) {
                assertThat(app.jettyServer().server().getConnectors())
                        .allSatisfy(connector -> assertThat(((ServerConnector) connector).getAcceptQueueSize())
                                .as("the accept queue (0 would be the JDK's 50)").isEqualTo(Lab.ACCEPT_QUEUE));
            }
        } finally {
            plain.stop();
            ownConnector.stop();
        }
    }
}
