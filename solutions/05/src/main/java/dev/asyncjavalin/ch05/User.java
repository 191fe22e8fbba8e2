package dev.asyncjavalin.ch05;

/** Who is calling: the user whose API key came with the request. */
record User(String name) {
}
