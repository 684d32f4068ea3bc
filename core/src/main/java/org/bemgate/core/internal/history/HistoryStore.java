package org.bemgate.core.internal.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.MessageKind;
import org.bemgate.core.api.history.Aggregation;
import org.bemgate.core.api.history.HistoryPoint;
import org.bemgate.core.api.history.HistoryQuery;
import org.bemgate.core.internal.db.Database;
import org.bemgate.core.internal.db.SchemaMigrations;
import org.bemgate.core.internal.json.MessageJson;

/**
 * The history tables. Rows are keyed by (datapoint number, timestamp), so a range of one datapoint is
 * one contiguous scan of the primary key. Numbers and bools also go into a DOUBLE column so SQL can
 * aggregate them; any other value keeps its JSON text.
 */
public final class HistoryStore {

    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS history_value (dp BIGINT NOT NULL, ts BIGINT NOT NULL, num DOUBLE,"
                    + " json VARCHAR(1000000), PRIMARY KEY (dp, ts))",
            "CREATE TABLE IF NOT EXISTS history_setpoint (dp BIGINT NOT NULL, ts BIGINT NOT NULL,"
                    + " json VARCHAR(1000000) NOT NULL, PRIMARY KEY (dp, ts))",
            "CREATE TABLE IF NOT EXISTS history_schedule (dp BIGINT NOT NULL, ts BIGINT NOT NULL,"
                    + " json VARCHAR(1000000) NOT NULL, PRIMARY KEY (dp, ts))",
            "CREATE INDEX IF NOT EXISTS history_value_ts ON history_value (ts)");

    private final Database database;
    private final int queryLimit;
    /** Used by the writer thread only. */
    private Connection writer;

    /**
     * @param database the store
     * @param queryLimit the most points a query returns
     */
    public HistoryStore(Database database, int queryLimit) throws SQLException {
        this.database = database;
        this.queryLimit = queryLimit;
        try (Connection c = database.connect()) {
            SchemaMigrations.apply(c, "history", SCHEMA);
        }
    }

    /**
     * Writes a batch in one transaction. A second message of the same datapoint in the same millisecond
     * replaces the first. Call from one thread only.
     *
     * @param events value, setpoint and schedule events; others are ignored
     * @return the number of rows written
     */
    public int write(List<DatapointEvent> events) throws SQLException {
        if (writer == null || writer.isClosed()) {
            writer = database.connect();
        }
        writer.setAutoCommit(false);
        int n = 0;
        try (PreparedStatement values = writer.prepareStatement("MERGE INTO history_value (dp, ts, num, json) KEY (dp, ts) VALUES (?, ?, ?, ?)");
                PreparedStatement setpoints = writer.prepareStatement("MERGE INTO history_setpoint (dp, ts, json) KEY (dp, ts) VALUES (?, ?, ?)");
                PreparedStatement schedules = writer.prepareStatement("MERGE INTO history_schedule (dp, ts, json) KEY (dp, ts) VALUES (?, ?, ?)")) {
            for (DatapointEvent e : events) {
                switch (e.kind()) {
                    case VALUE:
                        Object v = e.value().value();
                        values.setLong(1, e.number());
                        values.setLong(2, e.value().timestamp());
                        if (v instanceof Number) {
                            values.setDouble(3, ((Number) v).doubleValue());
                            values.setNull(4, Types.VARCHAR);
                        } else if (v instanceof Boolean) {
                            values.setDouble(3, (Boolean) v ? 1 : 0);
                            values.setString(4, v.toString());
                        } else {
                            values.setNull(3, Types.DOUBLE);
                            values.setString(4, MessageJson.write(v));
                        }
                        values.addBatch();
                        n++;
                        break;
                    case SETPOINT:
                        setpoints.setLong(1, e.number());
                        setpoints.setLong(2, e.setpoint().timestamp());
                        setpoints.setString(3, MessageJson.writeSetpoint(e.setpoint()));
                        setpoints.addBatch();
                        n++;
                        break;
                    case SCHEDULE:
                        schedules.setLong(1, e.number());
                        schedules.setLong(2, e.schedule().timestamp());
                        schedules.setString(3, MessageJson.writeSchedule(e.schedule()));
                        schedules.addBatch();
                        n++;
                        break;
                    default:
                        break;
                }
            }
            values.executeBatch();
            setpoints.executeBatch();
            schedules.executeBatch();
            writer.commit();
        } catch (SQLException | RuntimeException ex) {
            writer.rollback();
            throw ex;
        } finally {
            writer.setAutoCommit(true);
        }
        return n;
    }

    /**
     * Runs a query for a datapoint by its registry number.
     *
     * @param number the datapoint's number
     * @param q the query (its id is not used here)
     * @return the points, oldest first
     */
    public List<HistoryPoint> query(long number, HistoryQuery q) throws SQLException {
        int limit = q.limit() == 0 ? queryLimit : Math.min(q.limit(), queryLimit);
        boolean values = q.kind() == MessageKind.VALUE;
        if (q.intervalMillis() > 0 && values && q.aggregation() != Aggregation.LAST) {
            return aggregate(number, q, limit);
        }
        String table = values ? "history_value" : q.kind() == MessageKind.SETPOINT ? "history_setpoint" : "history_schedule";
        String columns = values ? "ts, num, json" : "ts, json";
        List<HistoryPoint> points = new ArrayList<>();
        try (Connection c = database.connect();
                PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + table
                        + " WHERE dp = ? AND ts >= ? AND ts < ? ORDER BY ts" + (q.intervalMillis() > 0 ? "" : " LIMIT ?"))) {
            ps.setLong(1, number);
            ps.setLong(2, q.from());
            ps.setLong(3, q.to());
            if (q.intervalMillis() <= 0) {
                ps.setInt(4, limit);
            }
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                long bucket = Long.MIN_VALUE;
                while (rs.next()) {
                    long ts = rs.getLong(1);
                    Object v = values ? readValue(rs) : readMessage(q.kind(), rs.getString(2));
                    if (q.intervalMillis() > 0) {
                        // LAST per interval: keep overwriting the interval's point until the next interval starts
                        long b = Math.floorDiv(ts, q.intervalMillis()) * q.intervalMillis();
                        if (b == bucket) {
                            points.set(points.size() - 1, new HistoryPoint(b, v));
                            continue;
                        }
                        if (points.size() >= limit) {
                            break;
                        }
                        bucket = b;
                        points.add(new HistoryPoint(b, v));
                    } else {
                        points.add(new HistoryPoint(ts, v));
                    }
                }
            }
        }
        return points;
    }

    private List<HistoryPoint> aggregate(long number, HistoryQuery q, int limit) throws SQLException {
        String fn = switch (q.aggregation()) {
            case AVG -> "AVG(num)";
            case MIN -> "MIN(num)";
            case MAX -> "MAX(num)";
            case LAST -> throw new IllegalStateException("LAST is not aggregated in SQL");
        };
        List<HistoryPoint> points = new ArrayList<>();
        try (Connection c = database.connect();
                PreparedStatement ps = c.prepareStatement("SELECT bucket, " + fn + " FROM (SELECT (ts - MOD(ts, ?)) AS bucket, num"
                        + " FROM history_value WHERE dp = ? AND ts >= ? AND ts < ? AND num IS NOT NULL) GROUP BY bucket ORDER BY bucket LIMIT ?")) {
            ps.setLong(1, q.intervalMillis());
            ps.setLong(2, number);
            ps.setLong(3, q.from());
            ps.setLong(4, q.to());
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    points.add(new HistoryPoint(rs.getLong(1), rs.getDouble(2)));
                }
            }
        }
        return points;
    }

    /**
     * Deletes everything older than a time.
     *
     * @param before epoch ms
     * @return the rows deleted
     */
    public int purgeBefore(long before) throws SQLException {
        int n = 0;
        try (Connection c = database.connect()) {
            for (String table : List.of("history_value", "history_setpoint", "history_schedule")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE ts < ?")) {
                    ps.setLong(1, before);
                    n += ps.executeUpdate();
                }
            }
        }
        return n;
    }

    /** Closes the writer's connection. */
    public void close() {
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (SQLException ignored) {
            // closing on shutdown: nothing left to save
        }
    }

    private static Object readValue(ResultSet rs) throws SQLException {
        String json = rs.getString(3);
        if (json == null) {
            double d = rs.getDouble(2);
            return rs.wasNull() ? null : d;
        }
        if ("true".equals(json)) {
            return Boolean.TRUE;
        }
        if ("false".equals(json)) {
            return Boolean.FALSE;
        }
        return MessageJson.read(json);
    }

    private static Object readMessage(MessageKind kind, String json) {
        return kind == MessageKind.SETPOINT ? MessageJson.readSetpoint(json) : MessageJson.readSchedule(json);
    }
}
