package dev.asyncjavalin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The campaign's lists of parameters and keyed routes are written by hand; these tests read the
 * solved chapters' sources and fail when a chapter reads a parameter, or guards a route, that the
 * campaign does not try.
 */
class AppSourcesTest {

    /** {@code ctx.queryParam("x")}, {@code queryParamAsClass("x", ...)}, {@code Lab.wholeNumber(ctx, "x", ...)}, {@code pathParam("x")}. */
    private static final Pattern PARAMETER = Pattern.compile(
            "(?:queryParam|queryParamAsClass|pathParam)\\(\"([A-Za-z_]+)\"|Lab\\.(?:wholeNumber|milliseconds)\\(ctx, \"([A-Za-z_]+)\"");
    /** {@code config.routes.get("/jobs/{id}", ...)}: a route with a path parameter, and its method. */
    private static final Pattern PATH_PARAMETER_ROUTE = Pattern.compile("config\\.routes\\.([a-z]+)\\(\"([^\"]*\\{[^\"]+)\"");
    private static final Pattern KEYED_ROUTE = Pattern.compile("config\\.routes\\.[a-z]+\\(\"([^\"]+)\"[^\\n]*Access\\.USER\\)");

    private static String sources(String chapter) throws IOException {
        Path root = Path.of("..", "solutions", chapter, "src", "main", "java");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).map(AppSourcesTest::read).collect(Collectors.joining("\n"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "chapter {0}: every parameter its code reads gets the bad values")
    @ValueSource(strings = {"01", "03", "04", "05", "08"})
    void everyParameterIsTried(String chapter) throws IOException {
        Set<String> read = new TreeSet<>();
        Matcher parameter = PARAMETER.matcher(sources(chapter));
        while (parameter.find()) {
            read.add(parameter.group(1) != null ? parameter.group(1) : parameter.group(2));
        }
        Set<String> tried = BadInput.parameters("X-Api-Key: k").stream()
                .filter(p -> p.chapter().equals(chapter)).map(BadInput.Parameter::name).collect(Collectors.toCollection(TreeSet::new));

        assertThat(read).as("parameters chapter %s reads", chapter).isNotEmpty();
        assertThat(tried).as("parameters the campaign tries on chapter %s", chapter).containsAll(read);
    }

    @ParameterizedTest(name = "chapter {0}: every route with a path parameter gets the bad values there")
    @ValueSource(strings = {"01", "03", "04", "05", "08"})
    void everyPathParameterRouteIsTried(String chapter) throws IOException {
        Set<String> routes = new TreeSet<>();
        Matcher route = PATH_PARAMETER_ROUTE.matcher(sources(chapter));
        while (route.find()) {
            routes.add(route.group(1).toUpperCase(Locale.ROOT) + " " + route.group(2));
        }
        Set<String> tried = BadInput.parameters("X-Api-Key: k").stream()
                .filter(p -> p.chapter().equals(chapter) && p.place() == BadInput.Place.PATH)
                .map(p -> p.method() + " " + p.path()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(tried).as("routes with a path parameter the campaign tries on chapter %s", chapter).containsAll(routes);
    }

    @Test
    @DisplayName("chapter 05: every route that needs a key is tried with every method and wrong keys")
    void everyKeyedRouteIsTried() throws IOException {
        Set<String> keyed = new TreeSet<>();
        Matcher route = KEYED_ROUTE.matcher(sources("05"));
        while (route.find()) {
            keyed.add(route.group(1));
        }

        assertThat(keyed).isNotEmpty();
        assertThat(AuthBypass.KEYED_ROUTES).containsExactlyInAnyOrderElementsOf(keyed);
    }
}
