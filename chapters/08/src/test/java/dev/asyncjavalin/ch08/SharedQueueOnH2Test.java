package dev.asyncjavalin.ch08;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link SharedQueueTest} on H2 in server mode: the test serves it over TCP on a loopback port. */
class SharedQueueOnH2Test extends SharedQueueTest {

    private static QueueDatabase database;

    @BeforeAll
    static void startDatabase() throws SQLException {
        // the dead-instance test waits out JobRunr's server timeout: CI runs these (on H2 and on PostgreSQL),
        // the course's mvn install leaves them out
        assumeTrue(Boolean.getBoolean("course.queueCluster"), "the two-instance queue tests take about 40 s; run them"
                + " with mvn -pl chapters/08 test -Dtest=SharedQueueOnH2Test"
                + " -Dcourse.queueCluster=true (or solutions/08)");
        database = QueueDatabase.h2();
    }

    @AfterAll
    static void stopDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    String freshDatabase() throws SQLException {
        return database.fresh();
    }
}
