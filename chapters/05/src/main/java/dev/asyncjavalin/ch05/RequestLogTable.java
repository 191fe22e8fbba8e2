package dev.asyncjavalin.ch05;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The {@code request_log} table: where {@link RequestLog}'s writer stores records, and where {@code /requests} reads them. */
final class RequestLogTable implements RequestLog.BatchWriter {

    private final Database database;

    RequestLogTable(Database database) {
        this.database = database;
    }

    // tag::write[]
    @Override
    public void write(List<RequestRecord> batch) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO request_log (received_at, request_id, method, path, status, duration_ms, user_name)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            // one transaction: the batch is stored whole or not at all, so the log knows what it lost
            connection.setAutoCommit(false);
            try {
                for (RequestRecord record : batch) {
                    insert.setTimestamp(1, Timestamp.from(record.receivedAt()));
                    insert.setString(2, record.requestId());
                    insert.setString(3, record.method());
                    insert.setString(4, record.path());
                    insert.setInt(5, record.status());
                    insert.setDouble(6, record.millis());
                    insert.setString(7, record.user());
                    insert.addBatch();
                }
                insert.executeBatch(); // one round trip for the whole batch
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true); // the pool hands this connection out again
            }
        }
    }
    // end::write[]

    /** The newest {@code limit} records, newest first. */
    List<RequestRecord> latest(int limit) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT received_at, request_id, method, path, status, duration_ms, user_name
                        FROM request_log ORDER BY id DESC LIMIT ?""")) {
            query.setInt(1, limit);
            List<RequestRecord> records = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    records.add(new RequestRecord(row.getTimestamp("received_at").toInstant(), row.getString("request_id"),
                            row.getString("method"), row.getString("path"), row.getInt("status"),
                            Duration.ofNanos(Math.round(row.getDouble("duration_ms") * 1_000_000)), row.getString("user_name")));
                }
            }
            return records;
        }
    }

    long count() throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM request_log");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
