package dev.asyncjavalin.ch01;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /hello?name=...}: a page built from user input, the first thing every web app gets wrong. */
final class Greeting {

    static final int MAX_NAME_LENGTH = 40;

    private Greeting() {
    }

    static void handle(Context ctx) {
        // EXERCISE 1.1: greet ?name= with templates' hello.jte ("world" when absent or blank; 400 over 40 characters)
        String name = ctx.queryParam("name");
        if (name == null || name.isBlank()) {
            name = "world";
        } else if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) { // an emoji is one character, two chars
            throw new BadRequestResponse("Query parameter 'name' must be at most " + MAX_NAME_LENGTH + " characters");
        }
        // JTE escapes ${name}: "<b>" arrives in the browser as text, never as markup
        ctx.render("hello.jte", Map.of("name", name.strip()));
        // END EXERCISE 1.1
    }
}
