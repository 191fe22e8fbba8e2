package dev.asyncjavalin.tools;

/**
 * One thing a check found wrong, at a line of a file (line 0: the file as a whole). Checks return
 * these as values so that the slides and CI can act on the place without parsing the text;
 * {@link #toString()} is the line printed for a person, {@code file:line: message}.
 */
public record Problem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
