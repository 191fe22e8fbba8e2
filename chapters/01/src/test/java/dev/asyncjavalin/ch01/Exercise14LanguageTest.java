package dev.asyncjavalin.ch01;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("exercise")
@DisplayName("1.4 /hi speaks the visitor's language")
class Exercise14LanguageTest {

    @Test
    @DisplayName("/hi answers in the language asked for, says which, and tells caches that it depends on the header")
    void theChaptersOwnPage() {
        JavalinTest.test(App.create(), (server, client) -> {
            var response = client.get("/hi", request -> request.header("Accept-Language", "fr-CH, fr;q=0.9, en;q=0.8"));
            String body = response.body().string();
            assertThat(response.code()).as("Exercise 1.4: status of /hi (the app answered: %s)", body.strip()).isEqualTo(200);
            assertThat(body).as("Exercise 1.4: /hi for a reader of French").contains("Bonjour!");
            assertThat(response.headers().get("Content-Language")).as("Exercise 1.4: Content-Language of /hi").containsExactly("fr");
        });
    }

    @ParameterizedTest(name = "Accept-Language: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "fr                         | fr | one language, weight 1",
        "de;q=0.5, fr;q=0.8         | fr | the highest weight wins, wherever it stands",
        "de, fr                     | de | a tie goes to the language named first",
        "fr;q=0.5, de;q=0.5         | fr | a tie goes to the language named first",
        "es, it;q=0.9, de;q=0.1     | de | languages the app does not speak are passed over",
        "de;Q=0.5, fr;q=0.4         | de | Q= is q=: the parameter's name is case-insensitive",
    })
    void picksTheHighestWeight(String header, String expected, String why) {
        assertChooses(header, expected, why);
    }

    @ParameterizedTest(name = "Accept-Language: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "FR                         | fr | a language tag is case-insensitive",
        "de-AT-1996                 | de | de-AT-1996 is German: compare the first subtag",
        "fr-CA;q=0.7, en;q=0.6      | fr | fr-CA is French",
        "frx, de;q=0.5              | de | frx is not French: the first subtag must be fr, not start with it",
        "english, de;q=0.5          | de | english is not en",
    })
    void matchesTheFirstSubtag(String header, String expected, String why) {
        assertChooses(header, expected, why);
    }

    @ParameterizedTest(name = "Accept-Language: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "fr;q=0, de;q=0.1           | de | q=0 means 'not this one', not 'least of all'",
        "fr;q=0                     | en | q=0 means 'not this one': nothing acceptable is the default",
        "*                          | en | * is every language: the first the app speaks",
        "de;q=0.4, *;q=0.5          | en | * gives its weight to every language no item names: en at 0.5 beats de",
        "*;q=0.5, de                | de | a named language keeps its own weight",
        "*;q=0.5, en;q=0            | fr | en is named with q=0, so * offers the next language",
        "fr;q=0, fr-CH;q=0.8, de;q=0.5 | de | the first item that names a language gives its weight",
    })
    void weightZeroAndStar(String header, String expected, String why) {
        assertChooses(header, expected, why);
    }

    @ParameterizedTest(name = "Accept-Language: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "fr;q=abc, de;q=0.2         | de | a weight that is no number skips its item, never a 500",
        "fr;q=2, de;q=0.2           | de | a weight over 1 skips its item",
        "fr;q=-1, de;q=0.2          | de | a negative weight skips its item",
        "fr;q=0.5555, de;q=0.2      | de | a weight has at most three decimals",
        "fr;q=NaN, de;q=0.2         | de | NaN is no weight, though Double.parseDouble reads it",
        "fr;q=1e0, de;q=0.2         | de | 1e0 is no weight, though Double.parseDouble reads it",
        "fr;level=1, de;q=0.2       | de | a parameter other than q skips its item",
        "fr;q=0.9;q=0.1, de;q=0.2   | de | two weights skip the item",
        "fr;, de;q=0.2              | de | an empty parameter skips its item",
        "';;,,, ,'                  | en | nothing but separators: the default",
        "''                         | en | an empty header: the default",
        ",fr                        | fr | an empty item is skipped, the rest is read",
    })
    void malformedItemsAreSkipped(String header, String expected, String why) {
        assertChooses(header, expected, why);
    }

    @Test
    @DisplayName("no Accept-Language header: the default, en")
    void noHeader() {
        assertThat(LanguageGreeting.languageFor(null)).as("Exercise 1.4: no Accept-Language header must give en").isEqualTo("en");
        assertThat(List.of(LanguageGreeting.languageFor("de"), LanguageGreeting.languageFor("en")))
                .as("Exercise 1.4: a single language must be chosen").containsExactly("de", "en");
    }

    private static void assertChooses(String header, String expected, String why) {
        assertThat(LanguageGreeting.languageFor(header))
                .as("Exercise 1.4: Accept-Language: %s must choose %s: %s", header, expected, why)
                .isEqualTo(expected);
    }
}
