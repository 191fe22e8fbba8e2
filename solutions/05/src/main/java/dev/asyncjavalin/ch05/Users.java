package dev.asyncjavalin.ch05;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code users} table: who may call the app, and with which API key. */
final class Users {

    /** Demo keys, seeded at start and listed on the home page. Real keys are secrets, stored hashed. */
    static final String ALICE_KEY = "key-alice-5f1c";
    static final String BOB_KEY = "key-bob-93d2";
    static final Map<String, String> DEMO_KEYS = new LinkedHashMap<>();

    static {
        DEMO_KEYS.put("alice", ALICE_KEY);
        DEMO_KEYS.put("bob", BOB_KEY);
    }

    private final Database database;

    Users(Database database) {
        this.database = database;
    }

    // tag::findByApiKey[]
    Optional<User> findByApiKey(String apiKey) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement query = connection.prepareStatement("SELECT name FROM users WHERE api_key = ?")) {
            query.setString(1, apiKey); // a bound parameter, never string concatenation: no SQL injection
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new User(row.getString("name"))) : Optional.empty();
            }
        }
    }
    // end::findByApiKey[]
}
