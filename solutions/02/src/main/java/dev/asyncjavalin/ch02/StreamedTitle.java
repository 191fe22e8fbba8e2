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
        // indexOf pulls from the network only until it finds the bytes, or reaches limit
        long open = body.indexOf(OPEN, 0, limit);
        if (open < 0) {
            return "";
        }
        long textStart = open + OPEN.size();
        long close = body.indexOf(CLOSE, textStart, limit);
        if (close < 0) {
            return "";
        }
        body.skip(textStart);
        // decoded once, whole: a character split between two packets is still one character
        return body.readUtf8(close - textStart).strip();
        // END EXERCISE 2.5
    }
}
