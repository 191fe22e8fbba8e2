package dev.asyncjavalin.ch08;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.tools.Server;

/**
 * The database that the instances of a test share, as two app instances on two machines would:
 * H2 served over TCP on a loopback port by the test itself (each test gets a fresh in-memory
 * database on it), or the PostgreSQL that {@code -Djobs.test.database.url} names (emptied of
 * JobRunr's rows before each test).
 */
final class QueueDatabase implements AutoCloseable {

    static final String POSTGRES_PROPERTY = "jobs.test.database.url";
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final Server h2; // null on PostgreSQL
    private final String postgresUrl;

    private QueueDatabase(Server h2, String postgresUrl) {
        this.h2 = h2;
        this.postgresUrl = postgresUrl;
    }

    static QueueDatabase h2() throws SQLException {
        // -ifNotExists lets a client create its database; without -tcpAllowOthers H2 admits clients of this machine only
        return new QueueDatabase(Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start(), null);
    }

    /** The PostgreSQL that the property or {@code JOBS_TEST_DATABASE_URL} names, if any. */
    static Optional<QueueDatabase> postgres() {
        return Optional.ofNullable(System.getProperty(POSTGRES_PROPERTY)).or(() -> Optional.ofNullable(System.getenv("JOBS_TEST_DATABASE_URL")))
                .filter(url -> !url.isBlank()).map(url -> new QueueDatabase(null, url));
    }

    /** A database with no jobs in it: a new one on H2; on PostgreSQL, the same one with JobRunr's rows deleted. */
    String fresh() throws SQLException {
        if (h2 != null) {
            return "jdbc:h2:tcp://localhost:" + h2.getPort() + "/mem:queue-" + NEXT.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        }
        try (Connection connection = DriverManager.getConnection(postgresUrl); Statement statement = connection.createStatement()) {
            for (String table : new String[] {"jobrunr_jobs", "jobrunr_backgroundjobservers", "jobrunr_metadata"}) {
                if (connection.getMetaData().getTables(null, null, table, null).next()) { // absent before JobRunr's first run
                    statement.executeUpdate("DELETE FROM " + table);
                }
            }
        }
        return postgresUrl;
    }

    @Override
    public void close() {
        if (h2 != null) {
            h2.stop();
        }
    }
}
