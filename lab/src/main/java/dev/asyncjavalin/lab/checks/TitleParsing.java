package dev.asyncjavalin.lab.checks;

import dev.asyncjavalin.lab.pages.PageReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times {@link PageReader#titleOf} on bodies written to be as slow as possible, at the largest
 * size PageReader reads (1 MiB), and the lazy regex it replaced on much smaller ones.
 *
 * <pre>mvn -pl lab exec:java -Dcourse.mainClass=dev.asyncjavalin.lab.checks.TitleParsing</pre>
 */
public final class TitleParsing {

    /** What PageReader used before: each {@code <title} it meets starts a new scan to the end. */
    private static final Pattern LAZY_REGEX = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private TitleParsing() {
    }

    /** Bodies of about {@code bytes} characters that a title search may find hardest. */
    public static Map<String, String> hostileBodies(int bytes) {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("'<title' repeated", fill("<title", bytes));
        bodies.put("'<title>' repeated, never closed", fill("<title>", bytes));
        bodies.put("'<title>' then '</titl' repeated", "<title>" + fill("</titl", bytes - 7));
        bodies.put("'<title' repeated, then a title", fill("<title", bytes - 30) + "<title>Found</title>");
        return bodies;
    }

    private static String fill(String unit, int bytes) {
        return unit.repeat(Math.max(0, bytes / unit.length()));
    }

    public static void main(String[] args) {
        int mebibyte = (int) PageReader.MAX_BODY_BYTES;
        // warm up, so the figures are the scan's and not the JIT compiler's
        for (int round = 0; round < 20; round++) {
            hostileBodies(mebibyte).values().forEach(PageReader::titleOf);
        }
        System.out.println("PageReader.titleOf, 1 MiB bodies (best of 5):");
        hostileBodies(mebibyte).forEach((name, body) -> {
            long best = Long.MAX_VALUE;
            String title = "";
            for (int round = 0; round < 5; round++) {
                long started = System.nanoTime();
                title = PageReader.titleOf(body);
                best = Math.min(best, System.nanoTime() - started);
            }
            System.out.printf("  %-36s %7.2f ms   title '%s'%n", name, best / 1e6, title);
        });
        System.out.println("The lazy regex it replaced, on '<title' repeated (one run each, after a 4 KiB warm-up):");
        LAZY_REGEX.matcher(fill("<title", 4 * 1024)).find();
        for (int kib : new int[] {8, 16, 32}) {
            String body = fill("<title", kib * 1024);
            long started = System.nanoTime();
            Matcher matcher = LAZY_REGEX.matcher(body);
            boolean found = matcher.find();
            System.out.printf("  %3d KiB  %9.1f ms   %s%n", kib, (System.nanoTime() - started) / 1e6, found ? "found" : "no title");
        }
    }
}
