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
        if (acceptLanguage == null) {
            return SPOKEN.get(0);
        }
        Map<String, Double> named = new LinkedHashMap<>(); // in the header's order, which breaks ties
        Double anyOther = null; // the weight of *, for the spoken languages no item names
        for (String item : acceptLanguage.split(",")) {
            String[] parts = item.split(";", -1);
            String range = parts[0].strip().toLowerCase(Locale.ROOT);
            if (range.isEmpty() || parts.length > 2 || (parts.length == 2 && !WEIGHT.matcher(parts[1].strip()).matches())) {
                continue; // malformed: skip the item, keep the rest of the header
            }
            double weight = parts.length == 2 ? Double.parseDouble(parts[1].strip().substring(2)) : 1;
            if (range.equals("*")) {
                anyOther = anyOther == null ? weight : anyOther;
            } else {
                named.putIfAbsent(range.split("-")[0], weight); // fr-CH is French
            }
        }
        String best = SPOKEN.get(0);
        double bestWeight = 0;
        for (Map.Entry<String, Double> entry : named.entrySet()) {
            if (SPOKEN.contains(entry.getKey()) && entry.getValue() > bestWeight) {
                best = entry.getKey();
                bestWeight = entry.getValue();
            }
        }
        for (String language : SPOKEN) {
            if (anyOther != null && !named.containsKey(language) && anyOther > bestWeight) {
                best = language;
                bestWeight = anyOther;
            }
        }
        return best; // nothing acceptable (all q=0, or no header): the default
        // END EXERCISE 1.4
    }
}
