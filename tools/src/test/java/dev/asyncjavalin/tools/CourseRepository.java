package dev.asyncjavalin.tools;

import java.nio.file.Path;

/** The course repository that tools' tests and proofs check. */
final class CourseRepository {

    /** Surefire starts the tests in tools/, an IDE may start them at the root: the course command's own rule finds it either way. */
    static final Path ROOT = Course.defaultRoot(Path.of("").toAbsolutePath());

    private CourseRepository() {
    }
}
