package dev.asyncjavalin.ch02;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The pages here never end: after their head comes filler without end, so an answer that reads the
 * whole body would never return. The fake page refuses to send more than 4 MiB instead, at once,
 * and counts every byte it sent.
 */
@Tag("exercise")
@DisplayName("2.5 the title without reading the whole page")
class Exercise25StreamedTitleTest {

    private static final long CAP = 4 * 1024 * 1024;
    /** Okio pulls from a source one segment at a time: what it may read past the last byte it needs. */
    private static final long READ_AHEAD = 8192;
    private static final byte[] FILLER = "<p>and more soup</p>\n".getBytes(StandardCharsets.UTF_8);

    /** A page that sends {@code head}, then filler without end, at most {@code chunk} bytes per read. */
    static final class EndlessPage implements Source {
        private final byte[] head;
        private final int chunk;
        long sent;

        EndlessPage(String head, int chunk) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.chunk = chunk;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            if (sent >= CAP) {
                throw new IOException("the page refused to send more than 4 MiB (it never ends): the body was read on"
                        + " past the title and the limit, as readUtf8() or an indexOf without a limit do");
            }
            long count = Math.min(Math.min(byteCount, chunk), CAP - sent);
            for (long i = 0; i < count; i++, sent++) {
                sink.writeByte(sent < head.length ? head[(int) sent] : FILLER[(int) ((sent - head.length) % FILLER.length)]);
            }
            return count;
        }

        @Override
        public Timeout timeout() {
            return Timeout.NONE;
        }

        @Override
        public void close() {
        }
    }

    private static String titleOf(EndlessPage page, long limit, String what) {
        try {
            return StreamedTitle.read(Okio.buffer(page), limit);
        } catch (ExerciseNotSolved notYet) {
            throw notYet;
        } catch (IOException thrown) {
            throw new AssertionError("Exercise 2.5: " + what + ": " + thrown.getMessage(), thrown);
        }
    }

    private static String filler(long bytes) {
        StringBuilder text = new StringBuilder();
        while (text.length() < bytes) {
            text.append(new String(FILLER, StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    @Test
    @DisplayName("a title near the start of a page that never ends is read, and the rest of the page is not")
    void stopsAtTheTitle() {
        String head = "<html><head><title>Pho</title></head><body>";
        EndlessPage page = new EndlessPage(head, 8192);
        long titleEnds = head.indexOf("</title>") + "</title>".length();

        String title = titleOf(page, 1024 * 1024, "the title of a page that never ends, with a limit of 1 MiB");

        assertThat(title).as("Exercise 2.5: the title of <html><head><title>Pho</title>...").isEqualTo("Pho");
        assertThat(page.sent)
                .as("Exercise 2.5: %s bytes read to find a title that ends at byte %s: stop at </title> (Okio may read one"
                        + " 8 KiB segment ahead, no more); reading the limit's worth first holds 1 MiB per page for nothing",
                        page.sent, titleEnds)
                .isLessThanOrEqualTo(titleEnds + READ_AHEAD);
    }

    @Test
    @DisplayName("a title past the limit is not found, and no more than the limit is read")
    void neverPastTheLimit() {
        long limit = 64 * 1024;
        EndlessPage page = new EndlessPage(filler(200 * 1024) + "<title>Too late</title>", 8192);

        String title = titleOf(page, limit, "a page with no title in its first 64 KiB");

        assertThat(title).as("Exercise 2.5: a title that starts after the first 64 KiB is not looked for: the title is \"\"").isEmpty();
        assertThat(page.sent)
                .as("Exercise 2.5: %s bytes read of a page with no title in its first 64 KiB: never read past the limit"
                        + " (give indexOf the limit as its end)", page.sent)
                .isLessThanOrEqualTo(limit + READ_AHEAD);
    }

    @Test
    @DisplayName("tags and characters split between two reads are found whole")
    void splitBetweenReads() {
        // three bytes a read: "<title>" arrives in three pieces, and 'è' (two bytes) is cut in half once
        EndlessPage page = new EndlessPage("<html><head><title>  Crème brûlée </title></head>", 3);

        String title = titleOf(page, 1024 * 1024, "a page that arrives 3 bytes at a time");

        assertThat(title).as("Exercise 2.5: the title of a page that arrives 3 bytes at a time: a tag, or a character,"
                + " split between two reads must still be found whole; search and decode the buffered bytes, not each read")
                .isEqualTo("Crème brûlée");
    }
}
