package dev.asyncjavalin.ch01;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /hi}: a greeting in the visitor's language, chosen from the {@code Accept-Language} header.
 * A header is input like a query parameter: whatever a client sends, the answer is a greeting, never
 * a 500.
 */
final class LanguageGreeting {

    /** The languages this app speaks, in the order {@code *} offers them; the first is the default. */
    static final List<String> SPOKEN = List.of("en", "fr", "de");
    static final Map<String, String> HELLO = Map.of("en", "Hello", "fr", "Bonjour", "de", "Hallo");
    /** A weight as RFC 9110 writes it: 0 to 1, at most three decimals. */
    static final Pattern WEIGHT = Pattern.compile("(?i)q=(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?)");

    private LanguageGreeting() {
    }

    static void handle(Context ctx) {
        String language = languageFor(ctx.header("Accept-Language"));
        ctx.header("Content-Language", language);
        // the same URL answers differently by this header: a cache between us and the client must know
        ctx.header("Vary", "Accept-Language");
        ctx.result(HELLO.get(language) + "!\n");
    }

    /** One of {@link #SPOKEN}, chosen from {@code acceptLanguage} (null when absent) by the README's rules. */
    static String languageFor(String acceptLanguage) {
        // EXERCISE 1.4: choose en, fr or de from Accept-Language (weights, *, q=0; a malformed item is skipped)
        throw new ExerciseNotSolved("1.4", "choose the language from the Accept-Language header");
        // END EXERCISE 1.4
    }
}
