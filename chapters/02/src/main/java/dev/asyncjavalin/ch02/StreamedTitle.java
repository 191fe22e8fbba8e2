package dev.asyncjavalin.ch02;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import java.io.IOException;
import okio.BufferedSource;
import okio.ByteString;

/**
 * The page's title, read from the body as it arrives: only as far as the {@code </title>}, and never
 * past a limit, however large (or endless) the page is. The lab's {@code PageReader} reads up to 1 MiB
 * into memory first and searches it afterwards. Exercise 2.5 (stretch, optional).
 */
final class StreamedTitle {

    private static final ByteString OPEN = ByteString.encodeUtf8("<title>");
    private static final ByteString CLOSE = ByteString.encodeUtf8("</title>");

    private StreamedTitle() {
    }

    /**
     * The text between the first {@code <title>} and the {@code </title>} after it, stripped, or ""
     * when the first {@code limit} bytes of {@code body} hold no such pair. Reads no further than it must.
     */
    static String read(BufferedSource body, long limit) throws IOException {
        // EXERCISE 2.5: read the title from the stream, no further than </title> and never past limit
        throw new ExerciseNotSolved("2.5", "find <title> and </title> in the first " + limit + " bytes of the body without reading it all");
        // END EXERCISE 2.5
    }
}
