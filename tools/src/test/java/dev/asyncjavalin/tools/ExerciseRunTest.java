package dev.asyncjavalin.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.asyncjavalin.tools.ExerciseCatalog.Chapter;
import dev.asyncjavalin.tools.ExerciseRun.Result;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseRunTest {

    @TempDir
    Path root;

    @Test
    @DisplayName("a chapter that is not compiled is that chapter's result; the other chapters still run")
    void uncompiledChapterDoesNotStopTheOthers() throws Exception {
        FixtureCourse.create(root);
        List<Chapter> chapters = ExerciseCatalog.load(root).chapters();
        FixtureCourse.javac().compile(root, chapters.subList(0, 1)); // chapter 01 only

        List<Result> results = ExerciseRun.runAll(root, chapters, 2);

        assertThat(results).extracting(result -> result.exercise().id(), Result::ran).containsExactly(
                tuple("1.1", true), tuple("2.1", false));
        assertThat(results.get(1).firstFailure()).isEqualTo("chapters/02 is not compiled: run mvn install first (or mvn test-compile in it)");
    }
}
