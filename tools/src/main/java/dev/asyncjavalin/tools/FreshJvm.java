package dev.asyncjavalin.tools;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a main class in a JVM of its own, on this JVM's class path, and waits for it. {@code watch}
 * checks a chapter again and again: in one JVM, every server a failing test left running (JUnit's
 * JavalinTest stops its app only when the test passes) would pile up, with its port and threads.
 * A check in a fresh JVM takes everything it started with it when it exits.
 */
final class FreshJvm {

    private FreshJvm() {
    }

    /** The child's exit status; its output goes where this JVM's goes. */
    static int run(Path directory, Class<?> mainClass, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // CI's Maven runs with a local repository of its own: the child's Maven builds must use it too
        if (System.getProperty("maven.repo.local") != null) {
            command.add("-Dmaven.repo.local=" + System.getProperty("maven.repo.local"));
        }
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath(mainClass.getClassLoader())), mainClass.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
        try {
            return child.waitFor();
        } finally {
            child.destroy(); // when this JVM is interrupted (Ctrl+C), the child goes too
        }
    }

    /** The class path {@code loader} reads: under {@code mvn exec:java} that is the plugin's class loader's, not java.class.path. */
    static List<String> classPath(ClassLoader loader) {
        List<String> entries = new ArrayList<>();
        if (loader instanceof URLClassLoader urls) {
            for (URL url : urls.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException notAFile) {
                    // a class path entry that is not a local file cannot be given to java
                }
            }
        }
        return entries.isEmpty() ? List.of(System.getProperty("java.class.path", "").split(File.pathSeparator)) : entries;
    }
}
