package dev.asyncjavalin.ch05;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import java.sql.SQLException;

/**
 * The hook that says who is calling. It runs before every matched endpoint, looks the API key up
 * in the database and keeps the {@link User} on the request, or stops the request with a 401.
 */
final class ApiKeyAuth {

    static final String HEADER = "X-Api-Key";
    /** Only so that routes can be tried in a browser; real clients send the header (URLs end up in logs). */
    static final String QUERY_PARAMETER = "api_key";

    /**
     * Marks the routes that need a known key. Javalin's way: a route lists its roles, and a route
     * without roles (the home page, the stylesheet, any static file) is open to everyone.
     */
    enum Access implements RouteRole {
        USER
    }

    static final String CACHE_CONTROL = "Cache-Control";
    /** No copy anywhere: neither a shared cache nor the browser's keeps the answer. */
    static final String NO_STORE = "no-store";

    private static final String USER = "user";

    private final Users users;

    ApiKeyAuth(Users users) {
        this.users = users;
    }

    // tag::identify[]
    void identify(Context ctx) throws SQLException {
        if (!ctx.routeRoles().contains(Access.USER)) {
            return; // a public page
        }
        String key = ctx.header(HEADER) != null ? ctx.header(HEADER) : ctx.queryParam(QUERY_PARAMETER);
        if (key == null || key.isBlank()) {
            // throwing stops the request but still runs the after hooks: the 401 is logged too
            throw new UnauthorizedResponse("This page needs an API key. Send it in the " + HEADER + " header.");
        }
        User user = users.findByApiKey(key.strip())
                .orElseThrow(() -> new UnauthorizedResponse("The API key you sent is not one we know."));
        ctx.attribute(USER, user); // Flask keeps this in g.user; Javalin keeps it on the request
    }
    // end::identify[]

    // EXERCISE 5.4: answers for a signed-in caller are never cached
    // tag::keepPrivate[]
    /**
     * The after hook that keeps answers private: an answer that depends on who asked must not be
     * kept by a shared cache (a proxy, a CDN) and handed to the next caller.
     */
    static void keepPrivate(Context ctx) {
        // 5.4: on a route that needs a key, add "Cache-Control: no-store" (NO_STORE), whatever the status
    }
    // end::keepPrivate[]
    // END EXERCISE 5.4

    /** The caller, or null on public routes and before {@link #identify} ran. */
    static User user(Context ctx) {
        return ctx.attribute(USER);
    }
}
