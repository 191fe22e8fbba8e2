package dev.asyncjavalin.ch08;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link SharedQueueTest} on PostgreSQL, the step past one machine: the same code, another JDBC URL.
 * Skipped unless {@code -Djobs.test.database.url=jdbc:postgresql://...} (or {@code JOBS_TEST_DATABASE_URL})
 * names a database; CI starts one and passes it.
 */
class SharedQueueOnPostgresTest extends SharedQueueTest {

    private static final Optional<QueueDatabase> DATABASE = QueueDatabase.postgres();

    @BeforeEach
    void needsDatabase() { // per test, so that the report counts both as skipped, with this message
        assumeTrue(DATABASE.isPresent(), "no PostgreSQL given: set -D" + QueueDatabase.POSTGRES_PROPERTY
                + "=jdbc:postgresql://localhost/jobs?user=...&password=... to run these tests on it");
    }

    @Override
    String freshDatabase() throws SQLException {
        return DATABASE.orElseThrow().fresh();
    }
}
