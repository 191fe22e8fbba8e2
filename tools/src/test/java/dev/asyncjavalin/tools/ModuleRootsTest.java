package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleRootsTest {

    @TempDir
    Path root;

    private void pom(String module, String build) throws IOException {
        Path pom = root.resolve(module).resolve("pom.xml");
        Files.createDirectories(pom.getParent());
        Files.writeString(pom, "<project><build>" + build + "</build></project>");
    }

    @Test
    @DisplayName("a solution that compiles its chapter's tests from ../../chapters is named")
    void sharedTestFolderIsAProblem() throws IOException {
        pom("solutions/03", "<testSourceDirectory>../../chapters/03/src/test/java</testSourceDirectory>");

        assertThat(ModuleRoots.check(root)).singleElement().asString()
                .startsWith("solutions/03/pom.xml: <testSourceDirectory> ../../chapters/03/src/test/java is outside");
    }

    @Test
    @DisplayName("folders inside the module, and Maven's own ${...} folders, are fine")
    void ownFoldersAreFine() throws IOException {
        pom("chapters/03", "<sourceDirectory>${project.basedir}/src/main/jte</sourceDirectory>"
                + "<resources><resource><directory>src/main/resources</directory></resource></resources>"
                + "<directory>${project.build.directory}/generated</directory>");

        assertThat(ModuleRoots.check(root)).isEmpty();
    }

    @Test
    @DisplayName("a clone inside a folder named target is checked; a pom in a module's own target/ is not")
    void targetCountsOnlyInsideTheRepository() throws IOException {
        Path clone = root.resolve("target/course");
        Path bad = clone.resolve("solutions/03/pom.xml");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "<project><build><testSourceDirectory>../../chapters/03/src/test/java</testSourceDirectory></build></project>");
        Path built = clone.resolve("chapters/03/target/pom.xml");
        Files.createDirectories(built.getParent());
        Files.writeString(built, "<project><build><sourceDirectory>../../../elsewhere</sourceDirectory></build></project>");

        assertThat(ModuleRoots.check(clone)).singleElement().asString().startsWith("solutions/03/pom.xml:");
    }
}
