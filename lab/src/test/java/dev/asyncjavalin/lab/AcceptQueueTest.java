package dev.asyncjavalin.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every app on the lab holds a burst of new connections instead of dropping all but the first 50. */
class AcceptQueueTest {

    @Test
    @DisplayName("Javalin's own connector gets the long accept queue")
    void javalinsConnector() {
        Javalin app = Javalin.create(config -> Lab.configure(config, "dev.asyncjavalin.lab.templates")).start(0);
        try {
            assertThat(app.jettyServer().server().getConnectors()).allSatisfy(connector ->
                    assertThat(((ServerConnector) connector).getAcceptQueueSize()).isEqualTo(Lab.ACCEPT_QUEUE));
        } finally {
            app.stop();
        }
    }

    @Test
    @DisplayName("a chapter's own connector has the long accept queue already when it opens its port")
    void ownConnectorBeforeItOpens() {
        // the queue length goes to the operating system with bind(): a value set after open() changes nothing
        AtomicInteger queueAtOpen = new AtomicInteger(-1);
        Javalin app = Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.lab.templates");
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http)) {
                    @Override
                    public void open() throws IOException {
                        queueAtOpen.compareAndSet(-1, getAcceptQueueSize());
                        super.open();
                    }
                };
                connector.setHost("127.0.0.1");
                connector.setPort(0);
                return connector;
            });
        }).start(0);
        try {
            assertThat(queueAtOpen.get()).as("the accept queue when the port opened (0 is the JDK's 50)").isEqualTo(Lab.ACCEPT_QUEUE);
        } finally {
            app.stop();
        }
    }
}
