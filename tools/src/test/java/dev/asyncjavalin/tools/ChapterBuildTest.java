package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.tools.ExerciseCatalog.Chapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChapterBuildTest {

    private static final Instant BUILT = Instant.parse("2026-01-01T12:00:00Z");
    private static final Chapter CHAPTER = new Chapter("03", "Concurrency", null, List.of());

    @TempDir
    Path root;
    private Path source;

    @BeforeEach
    void aChapterWithOneSource() throws IOException {
        source = write("chapters/03/src/main/java/App.java", BUILT.minusSeconds(60));
        write("pom.xml", BUILT.minusSeconds(60));
        write("chapters/03/pom.xml", BUILT.minusSeconds(60));
        try (var paths = Files.walk(root.resolve("chapters/03/src"))) {
            for (Path directory : paths.filter(Files::isDirectory).toList()) {
                Files.setLastModifiedTime(directory, FileTime.from(BUILT.minusSeconds(60)));
            }
        }
    }

    private Path write(String path, Instant modified) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    @DisplayName("a chapter never compiled must be compiled")
    void neverCompiled() throws IOException {
        assertThat(ChapterBuild.isUpToDate(root, CHAPTER)).isFalse();
    }

    @Test
    @DisplayName("sources older than the course's stamp need no build; a source saved after it does")
    void courseStamp() throws IOException {
        write("chapters/03/" + ChapterBuild.STAMP, BUILT);
        assertThat(ChapterBuild.isUpToDate(root, CHAPTER)).isTrue();

        Files.setLastModifiedTime(source, FileTime.from(BUILT.plusSeconds(1)));
        assertThat(ChapterBuild.isUpToDate(root, CHAPTER)).isFalse();
    }

    @Test
    @DisplayName("after mvn install (no stamp of ours yet), Maven's own record of the test compile counts")
    void mavenStamp() throws IOException {
        write("chapters/03/" + ChapterBuild.MAVEN_TEST_COMPILE, BUILT);
        assertThat(ChapterBuild.isUpToDate(root, CHAPTER)).isTrue();

        write("pom.xml", BUILT.plusSeconds(5));
        assertThat(ChapterBuild.isUpToDate(root, CHAPTER)).as("the parent pom changed").isFalse();
    }

    @Test
    @DisplayName("the chapters' parent pom or a shared page template saved after the build needs a build")
    void inheritedInputs() throws IOException {
        write("chapters/03/" + ChapterBuild.STAMP, BUILT);
        Path parent = write("chapters/pom.xml", BUILT.minusSeconds(60));
        Path layout = write(ChapterBuild.SHARED_TEMPLATES + "/layout.jte", BUILT.minusSeconds(60));
        Files.setLastModifiedTime(layout.getParent(), FileTime.from(BUILT.minusSeconds(60)));
        assertThat(ChapterBuild.isUpToDate(root, CHAPTER)).isTrue();

        Files.setLastModifiedTime(parent, FileTime.from(BUILT.plusSeconds(1)));
        assertThat(ChapterBuild.isUpToDate(root, CHAPTER)).as("chapters/pom.xml changed").isFalse();

        Files.setLastModifiedTime(parent, FileTime.from(BUILT.minusSeconds(60)));
        Files.setLastModifiedTime(layout, FileTime.from(BUILT.plusSeconds(1)));
        assertThat(ChapterBuild.isUpToDate(root, CHAPTER)).as("a shared template changed").isFalse();
    }
}
