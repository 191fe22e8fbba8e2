package dev.asyncjavalin.ch08;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the job queue keeps its jobs, and what this instance does with them.
 *
 * @param jdbcUrl       the database every instance shares: H2 by default, PostgreSQL with one setting
 * @param processesJobs false for an instance that only takes requests and leaves the work to others
 * @param retries       how many times a failed job is tried again, with growing waits in between
 * @param dashboardPort JobRunr's dashboard on its own port; 0: no dashboard
 */
record QueueSettings(String jdbcUrl, boolean processesJobs, int retries, int dashboardPort) {

    /** Three tries in all: enough to ride out a passing fault, few enough to hear of a lasting one soon. */
    static final int DEFAULT_RETRIES = 2;

    QueueSettings {
        if (retries < 0 || dashboardPort < 0 || dashboardPort > 65_535) {
            throw new IllegalArgumentException("retries must be 0 or more and the dashboard port 0 to 65535, got "
                    + retries + " and " + dashboardPort);
        }
    }

    // tag::settings[]
    /**
     * {@code JOBS_DATABASE_URL} (or {@code -Djobs.database.url}) names the database; without it, an
     * H2 file under target/ that a second instance on this machine opens too (AUTO_SERVER: the first
     * instance serves it to the others over TCP, to clients holding the key H2 writes in the file's
     * lock file). {@code JOBS_DASHBOARD_PORT} turns on JobRunr's dashboard.
     */
    static QueueSettings fromEnvironment() {
        String url = setting("JOBS_DATABASE_URL", "jobs.database.url")
                .orElse("jdbc:h2:file:" + targetDirectory().resolve("jobs") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
        int dashboard = Integer.parseInt(setting("JOBS_DASHBOARD_PORT", "jobs.dashboard.port").orElse("0"));
        return new QueueSettings(url, true, DEFAULT_RETRIES, dashboard);
    }
    // end::settings[]

    QueueSettings withoutWorkers() {
        return new QueueSettings(jdbcUrl, false, retries, dashboardPort);
    }

    QueueSettings withRetries(int count) {
        return new QueueSettings(jdbcUrl, processesJobs, count, dashboardPort);
    }

    private static Optional<String> setting(String environmentVariable, String systemProperty) {
        return Optional.ofNullable(System.getProperty(systemProperty))
                .or(() -> Optional.ofNullable(System.getenv(environmentVariable)))
                .filter(value -> !value.isBlank());
    }

    /** The module's target/ directory, wherever Maven or the IDE was started from: the parent of target/classes. */
    private static Path targetDirectory() {
        try {
            return Path.of(QueueSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot find the chapter's target directory: " + e.getMessage(), e);
        }
    }
}
