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
        // the dead-instance test waits out JobRunr's server timeout: solutions/08's build runs these,
        // chapters/08's leaves them out of the learner's mvn install
        assumeTrue(Boolean.getBoolean("course.queueCluster"), "the two-instance queue tests take about 40 s; they run in"
                + " solutions/08's build, or here with -Dcourse.queueCluster=true");
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
