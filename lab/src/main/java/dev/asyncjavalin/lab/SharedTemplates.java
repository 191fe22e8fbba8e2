package dev.asyncjavalin.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JTE pages every chapter shares (the page frame, the 404 page, the results table), written
 * once here and copied into each chapter's templates at build time, where the chapter's own
 * {@code src/main/jte} may replace any of them. JTE compiles the calls between templates into the
 * chapter's template package, so a chapter's {@code @template.layout(...)} needs the layout among
 * its own sources: hence a copy, not a second template package looked up at run time.
 * chapters/pom.xml runs this before the JTE plugin compiles the merged folder.
 */
public final class SharedTemplates {

    /** In the lab jar under {@code dev/asyncjavalin/lab/templates/}. */
    static final List<String> NAMES = List.of("layout.jte", "not-found.jte", "results.jte");

    /** Stands for the chapter's full name in a shared template, e.g. "Chapter 03 · Concurrency inside a blocking handler". */
    static final String CHAPTER = "{{chapter}}";

    /** Stands for the part of the name before " · ", e.g. "Chapter 03". */
    static final String CHAPTER_NUMBER = "{{chapter-number}}";

    private SharedTemplates() {
    }

    /** {@code SharedTemplates <chapter's templates> <merged folder> <chapter's name>} */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: SharedTemplates <chapter's src/main/jte> <output folder> <chapter's name>");
        }
        merge(Path.of(args[0]), Path.of(args[1]), args[2]);
    }

    /** Fills {@code out} with the shared templates, then the chapter's own over them. */
    public static void merge(Path chapterTemplates, Path out, String chapter) throws IOException {
        int dot = chapter.indexOf(" · ");
        if (dot < 0) {
            throw new IllegalArgumentException("a chapter's name reads \"Chapter NN · title\", got \"" + chapter + "\"");
        }
        deleteRecursively(out); // a template deleted from the chapter must not live on in the copy
        Files.createDirectories(out);
        for (String name : NAMES) {
            String template = read(name).replace(CHAPTER_NUMBER, chapter.substring(0, dot)).replace(CHAPTER, chapter);
            Files.writeString(out.resolve(name), template, StandardCharsets.UTF_8);
        }
        if (Files.isDirectory(chapterTemplates)) {
            try (Stream<Path> files = Files.walk(chapterTemplates)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path copy = out.resolve(chapterTemplates.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String read(String name) throws IOException {
        try (InputStream in = SharedTemplates.class.getResourceAsStream("templates/" + name)) {
            if (in == null) {
                throw new IOException("the lab jar has no templates/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
