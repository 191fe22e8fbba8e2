package dev.asyncjavalin.slides;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colours the code on a slide at build time, for the three languages the decks show: Java, XML/HTML
 * and bash. Anything else is shown as plain text.
 *
 * <p>It is a tokenizer, not a parser: it finds comments, strings, keywords, annotations, numbers,
 * types and tags, which is all a reader's eye needs on a slide. The output is escaped HTML with
 * {@code <span class="...">} around each token: {@code k} keyword or command, {@code s} string,
 * {@code c} comment, {@code a} annotation or attribute, {@code n} number, {@code t} type or tag.
 */
final class CodeHighlighter {

    private static final Pattern JAVA = Pattern.compile(String.join("|",
            "(?<c>//[^\\n]*|/\\*[\\s\\S]*?\\*/)",
            "(?<s>\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*')",
            "(?<a>@[A-Za-z_][\\w.]*)",
            "(?<n>\\b\\d[\\d_]*(?:\\.\\d+)?[LlFfDd]?\\b)",
            "(?<w>[A-Za-z_$][\\w$]*)"));

    private static final Set<String> JAVA_KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "new", "package", "private",
            "protected", "public", "record", "return", "short", "static", "super", "switch", "synchronized",
            "this", "throw", "throws", "try", "var", "void", "volatile", "while", "yield", "true", "false", "null");

    /** A whole comment, or a whole tag whose inside is coloured by {@link #XML_INSIDE_TAG}. */
    private static final Pattern XML = Pattern.compile("(?<c><!--[\\s\\S]*?-->)|(?<tag><[^>]+>)");
    private static final Pattern XML_INSIDE_TAG = Pattern.compile(String.join("|",
            "(?<t>^</?[\\w:.@-]+)",
            "(?<s>\"[^\"]*\"|'[^']*')",
            "(?<a>[\\w:@.-]+(?==))"));

    private static final Pattern BASH = Pattern.compile(String.join("|",
            "(?<c>(?<=^|\\s)#[^\\n]*)",
            "(?<s>\"(?:\\\\.|[^\"\\\\])*\"|'[^']*')",
            "(?<a>\\$\\{[^}]*}|\\$\\w+)",
            "(?<k>(?<=^|[;&|(]\\s?)(?!-)[\\w./-]+)",
            "(?<n>(?<=\\s)--?[\\w-]+)"), Pattern.MULTILINE);

    private CodeHighlighter() {
    }

    /** Escaped, coloured HTML for {@code code} written in {@code language} (a fence's info word). */
    static String toHtml(String code, String language) {
        return switch (language == null ? "" : language.strip().toLowerCase()) {
            case "java" -> java(code);
            case "xml", "html", "jte" -> xml(code);
            case "bash", "sh", "shell", "console" -> tokens(code, BASH, "c", "s", "a", "k", "n");
            default -> escape(code);
        };
    }

    private static String java(String code) {
        StringBuilder html = new StringBuilder();
        Matcher token = JAVA.matcher(code);
        int done = 0;
        while (token.find()) {
            html.append(escape(code.substring(done, token.start())));
            String word = token.group("w");
            if (word == null) {
                html.append(span(firstGroup(token, "c", "s", "a", "n"), token.group()));
            } else if (JAVA_KEYWORDS.contains(word)) {
                html.append(span("k", word));
            } else if (Character.isUpperCase(word.charAt(0))) {
                html.append(span("t", word)); // by convention a type, or a constant
            } else {
                html.append(escape(word));
            }
            done = token.end();
        }
        return html.append(escape(code.substring(done))).toString();
    }

    private static String xml(String code) {
        StringBuilder html = new StringBuilder();
        Matcher token = XML.matcher(code);
        int done = 0;
        while (token.find()) {
            html.append(escape(code.substring(done, token.start())));
            html.append(token.group("c") != null
                    ? span("c", token.group())
                    : tokens(token.group(), XML_INSIDE_TAG, "t", "s", "a"));
            done = token.end();
        }
        return html.append(escape(code.substring(done))).toString();
    }

    /** Colours every match of {@code pattern} by the first of {@code groups} that matched. */
    private static String tokens(String code, Pattern pattern, String... groups) {
        StringBuilder html = new StringBuilder();
        Matcher token = pattern.matcher(code);
        int done = 0;
        while (token.find()) {
            html.append(escape(code.substring(done, token.start())));
            html.append(span(firstGroup(token, groups), token.group()));
            done = token.end();
        }
        return html.append(escape(code.substring(done))).toString();
    }

    private static String firstGroup(Matcher token, String... groups) {
        for (String group : groups) {
            if (token.group(group) != null) {
                return group;
            }
        }
        throw new IllegalStateException("a token matched none of " + String.join(", ", groups));
    }

    private static String span(String kind, String text) {
        return "<span class=\"" + kind + "\">" + escape(text) + "</span>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
