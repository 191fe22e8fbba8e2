package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreshJvmTest {

    /** Stands in for a failed check: a server left listening on a thread that never ends, then exit 1. */
    public static final class LeavesAServerRunning {
        public static void main(String[] args) throws IOException {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread serving = new Thread(() -> {
                while (true) {
                    try {
                        server.accept();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "left-running");
            serving.start(); // not a daemon: alone, it would keep a JVM alive
            Files.writeString(Path.of(args[0]), Integer.toString(server.getLocalPort()));
            System.exit(1); // as Course.main does after every command
        }
    }

    @Test
    @DisplayName("what a check leaves running ends with its JVM: the status comes back, the port is closed")
    void leftoversEndWithTheChild(@TempDir Path directory) throws Exception {
        Path portFile = directory.resolve("port");

        int status = FreshJvm.run(directory, LeavesAServerRunning.class, List.of(portFile.toString()));

        assertThat(status).isEqualTo(1);
        int port = Integer.parseInt(Files.readString(portFile));
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .as("the leftover server's port, after its JVM exited").isInstanceOf(ConnectException.class);
    }

    @Test
    @DisplayName("under exec:java the class path is the plugin's class loader's, not java.class.path")
    void classPathOfAUrlClassLoader(@TempDir Path directory) throws Exception {
        try (URLClassLoader pluginLike = new URLClassLoader(new URL[] {directory.toUri().toURL()}, null)) {
            assertThat(FreshJvm.classPath(pluginLike)).containsExactly(directory.toString());
        }
    }
}
