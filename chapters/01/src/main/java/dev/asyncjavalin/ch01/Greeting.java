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
        throw new ExerciseNotSolved("1.1", "render hello.jte with the name from ?name=");
        // END EXERCISE 1.1
    }
}
