package dev.asyncjavalin.reliability;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what an answer must never show a visitor: a Java stack frame or an exception's class name
 * (both tell an attacker which libraries, versions and code paths the server runs), and upstream
 * markup that was not escaped.
 */
final class Disclosure {

    /** {@code at org.eclipse.jetty.server.Handler.handle(Handler.java:42)} and the like. */
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$<>]+)+\\((?:[\\w$]+\\.java:\\d+|Native Method|Unknown Source)\\)");
    /** {@code java.lang.IllegalStateException}, {@code EofException}, {@code OutOfMemoryError}: a Throwable's name, qualified or not. */
    private static final Pattern THROWABLE_NAME = Pattern.compile("\\b(?:[a-z][\\w]*\\.)*[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b");
    /** The script tag the hostile upstream puts in a title; escaped it reads {@code &lt;script}. */
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script", Pattern.CASE_INSENSITIVE);

    private Disclosure() {
    }

    /** The first stack frame or exception name in {@code body}, if any. */
    static Optional<String> internals(String body) {
        Matcher frame = STACK_FRAME.matcher(body);
        if (frame.find()) {
            return Optional.of(frame.group());
        }
        Matcher name = THROWABLE_NAME.matcher(body);
        return name.find() ? Optional.of(name.group()) : Optional.empty();
    }

    /** Whether {@code html} holds a {@code <script} tag; the course's own pages have none. */
    static boolean hasScriptTag(String html) {
        return SCRIPT_TAG.matcher(html).find();
    }
}
