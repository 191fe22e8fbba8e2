package dev.asyncjavalin.ch08;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jobrunr.dashboard.JobRunrDashboardWebServer;
import org.jobrunr.dashboard.JobRunrDashboardWebServerConfiguration;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;

/**
 * The successor of {@link Jobs}: long jobs kept in a database by JobRunr. Every instance of the app
 * on that database enqueues into the same queue and, unless told not to, takes jobs from it; a
 * job's states and their history are rows that any instance reads. What a stopping or dying
 * instance was running is tried again by whichever instance is still there, or comes next.
 *
 * <p>Built from JobRunr's parts rather than its static {@code JobRunr.configure()}, so that a test
 * can run two instances in one JVM, each with its own work.
 */
final class JobQueue implements AutoCloseable {

    /** How often an instance asks the database for work: the least JobRunr allows on SQL. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
    /** A stopping instance gives its running step this long (less a second JobRunr keeps to save), then interrupts it. */
    static final Duration STOP_WAIT = Duration.ofSeconds(2);
    static final int WORKERS = 1; // as in Jobs: background work should not take every core from the requests

    private final DataSource dataSource;
    private final StorageProvider storage;
    private final JobRequestScheduler scheduler;
    private final int retries;
    private final BackgroundJobServer server;               // null: this instance only enqueues
    private final JobRunrDashboardWebServer dashboard;      // null: no dashboard
    private final int dashboardPort;

    // tag::queue[]
    JobQueue(QueueSettings settings, CpuWork work) {
        JsonMapper json = new Jackson3JsonMapper(); // jobs are stored as JSON, with the Jackson the lab already has
        this.dataSource = dataSource(settings.jdbcUrl());
        this.storage = SqlStorageProviderFactory.using(dataSource); // creates or migrates JobRunr's tables
        storage.setJobMapper(new JobMapper(json));
        this.scheduler = new JobRequestScheduler(storage);
        this.retries = settings.retries();
        this.server = settings.processesJobs() ? startServer(json, work) : null;
        this.dashboardPort = settings.dashboardPort();
        this.dashboard = dashboardPort == 0 ? null : startDashboard(json, dashboardPort);
    }

    private BackgroundJobServer startServer(JsonMapper json, CpuWork work) {
        HashJobHandler handler = new HashJobHandler(work);
        BackgroundJobServer started = new BackgroundJobServer(storage, json, new HandlerOnly(handler),
                BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                        .andWorkerCount(WORKERS)
                        .andPollInterval(POLL_INTERVAL)
                        .andInterruptJobsAwaitDurationOnStopBackgroundJobServer(STOP_WAIT));
        started.start();
        return started;
    }
    // end::queue[]

    private JobRunrDashboardWebServer startDashboard(JsonMapper json, int port) {
        JobRunrDashboardWebServer started = new JobRunrDashboardWebServer(storage, json,
                JobRunrDashboardWebServerConfiguration.usingStandardDashboardConfiguration()
                        .andPort(port)
                        .andAllowAnonymousDataUsage(false)); // it would otherwise report usage figures to JobRunr
        started.start();
        return started;
    }

    // tag::enqueue[]
    /** Stores the job in the database and returns its id; any instance with workers may run it. */
    UUID enqueue(int steps, int failAt) {
        return scheduler.create(JobBuilder.aJob()
                .withName("stretch " + steps + " keys")
                .withAmountOfRetries(retries) // JobRunr waits 3 s, then 9 s, 27 s, ... between tries
                .withJobRequest(new HashJob(steps, failAt))).asUUID();
    }

    /** The job as the database has it now, with every state it went through. */
    Optional<Job> find(UUID id) {
        try {
            return Optional.of(storage.getJobById(id));
        } catch (JobNotFoundException unknown) {
            return Optional.empty();
        }
    }
    // end::enqueue[]

    /** This instance's id in JobRunr's table of servers (empty when it runs no jobs): a job's PROCESSING state names it. */
    Optional<UUID> serverId() {
        return Optional.ofNullable(server).map(BackgroundJobServer::getId);
    }

    /** The dashboard's port, when it runs. */
    Optional<Integer> dashboardPort() {
        return dashboard == null ? Optional.empty() : Optional.of(dashboardPort);
    }

    /**
     * Stops taking jobs, gives the running step {@link #STOP_WAIT}, then interrupts it: JobRunr records
     * that attempt as failed and schedules the next one, which an instance still running, or this one
     * after its restart, picks up. Nothing is dropped: the jobs are in the database.
     */
    @Override
    public void close() {
        try {
            if (dashboard != null) {
                dashboard.stop();
            }
            if (server != null) {
                server.stop();
            }
        } finally {
            storage.close();
            if (dataSource instanceof JdbcConnectionPool pool) {
                pool.dispose(); // the last connection closes the H2 database, written to the file
            }
        }
    }

    /** H2 gets a pool of its own (it ships one); any other database gets plain DriverManager connections. */
    private static DataSource dataSource(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return JdbcConnectionPool.create(jdbcUrl, "sa", "");
        }
        return new DriverManagerDataSource(jdbcUrl);
    }

    /** JobRunr asks this for the class that runs a job; there is one, and it carries the instance's work. */
    private record HandlerOnly(HashJobHandler handler) implements JobActivator {
        @Override
        public <T> T activateJob(Class<T> type) {
            return type.isInstance(handler) ? type.cast(handler) : null;
        }
    }

    /** A connection per call from the URL (user and password in it, for PostgreSQL {@code ?user=...&password=...}). */
    private record DriverManagerDataSource(String url) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("no java.util.logging here");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
