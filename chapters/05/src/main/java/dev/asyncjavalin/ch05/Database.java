package dev.asyncjavalin.ch05;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The app's SQL database: H2, embedded, in a file (or in memory for tests), reached over plain
 * JDBC. The code is the code you would write against PostgreSQL at work; only the URL and the
 * driver jar differ.
 */
final class Database implements AutoCloseable {

    private final JdbcConnectionPool pool;

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /**
     * An in-memory database that lives as long as the JVM. Without {@code DB_CLOSE_DELAY=-1} H2
     * drops it the moment its last connection closes, tables and all.
     */
    static String inMemoryUrl(String name) {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }

    // tag::fileUrl[]
    /**
     * A database kept in {@code file}.mv.db across restarts and crashes. {@code DB_CLOSE_ON_EXIT=FALSE}:
     * H2's own exit hook would close it while the app's stop hook is still draining the log into it,
     * so the app closes it itself, last. {@code WRITE_DELAY=0}: a commit reaches the file before it
     * returns; by default H2 writes up to half a second later, and a crash loses what it held.
     */
    static String fileUrl(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }
    // end::fileUrl[]

    /**
     * Where {@code mvn exec:java} keeps the request log: {@code target/data/ch05} in the chapter's
     * module (so {@code mvn clean} empties it), or {@code data/ch05} in the working directory when
     * the app runs from a jar.
     */
    static Path defaultFile() {
        try {
            Path classes = Path.of(Database.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(classes) && classes.getParent() != null) {
                return classes.getParent().resolve("data").resolve("ch05"); // target/classes -> target/data
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working directory
        }
        return Path.of("data", "ch05");
    }

    /** Opens the database at {@code jdbcUrl}, creates the tables if they are not there yet and adds the demo users. */
    static Database open(String jdbcUrl) {
        // H2's own small pool: opening a connection per lookup would cost more than the lookup
        Database database = new Database(JdbcConnectionPool.create(jdbcUrl, "sa", ""));
        try {
            database.createTables();
            database.addDemoUsers();
        } catch (SQLException e) {
            database.close();
            throw new IllegalStateException("the database at " + jdbcUrl + " did not open: " + e.getMessage(), e);
        }
        return database;
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    private void createTables() throws SQLException {
        try (Connection connection = connection(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    CREATE TABLE IF NOT EXISTS users (
                      name    VARCHAR(40) PRIMARY KEY,
                      api_key VARCHAR(64) NOT NULL UNIQUE
                    )""");
            sql.execute("""
                    CREATE TABLE IF NOT EXISTS request_log (
                      id          BIGINT AUTO_INCREMENT PRIMARY KEY,
                      received_at TIMESTAMP WITH TIME ZONE NOT NULL,
                      request_id  VARCHAR(64) NOT NULL,
                      method      VARCHAR(32) NOT NULL,
                      path        VARCHAR(500) NOT NULL,
                      status      INT NOT NULL,
                      duration_ms DOUBLE PRECISION NOT NULL,
                      user_name   VARCHAR(40)
                    )""");
        }
    }

    /** MERGE, not INSERT: a second app on the same database must not fail on existing users. */
    private void addDemoUsers() throws SQLException {
        try (Connection connection = connection();
                PreparedStatement merge = connection.prepareStatement("MERGE INTO users (name, api_key) KEY (name) VALUES (?, ?)")) {
            for (Map.Entry<String, String> user : Users.DEMO_KEYS.entrySet()) {
                merge.setString(1, user.getKey());
                merge.setString(2, user.getValue());
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    /** Closes the pooled connections: a file database closes with the last one, an in-memory one stays until the JVM exits. */
    @Override
    public void close() {
        pool.dispose();
    }
}
