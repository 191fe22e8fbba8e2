package dev.asyncjavalin.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every module's source, test and resource folders lie inside the module's own folder. IDEs give
 * each folder to one module: when two modules share one (a solution compiling its chapter's tests
 * from {@code ../../chapters/NN}), IntelliJ drops one of them and the learner loses its tests.
 */
final class ModuleRoots {

    /** The pom elements that name a folder Maven compiles or copies from. */
    private static final Pattern ROOT = Pattern.compile(
            "<(sourceDirectory|testSourceDirectory|scriptSourceDirectory|directory|source)>\\s*([^<]+?)\\s*</\\1>");

    private ModuleRoots() {
    }

    /** One line per folder that leaves its module; empty when every module keeps to its own. */
    static List<String> check(Path repoRoot) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> poms = Files.walk(repoRoot)) {
            // by the path inside the repository: a clone that itself lies under a folder named target is still checked
            for (Path pom : poms.filter(pom -> isModulePom(repoRoot.relativize(pom))).sorted().toList()) {
                Path module = pom.getParent();
                Matcher root = ROOT.matcher(Files.readString(pom));
                while (root.find()) {
                    String folder = root.group(2).replace("${project.basedir}", ".").replace("${basedir}", ".");
                    if (folder.contains("${")) {
                        continue; // ${project.build.directory} and the like: inside the module by definition
                    }
                    if (!module.resolve(folder).normalize().startsWith(module)) {
                        problems.add(repoRoot.relativize(pom) + ": <" + root.group(1) + "> " + root.group(2)
                                + " is outside the module's folder; give the module its own copy");
                    }
                }
            }
        }
        return problems;
    }

    private static boolean isModulePom(Path inRepository) {
        return inRepository.getFileName().toString().equals("pom.xml") && StreamSupport.stream(inRepository.spliterator(), false)
                .noneMatch(part -> Set.of("target", ".git", "node_modules", ".ci").contains(part.toString()));
    }
}
