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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history tables, one per message kind, keyed by {@link HistoryKey} (datapoint number and
 * timestamp in one BIGINT) so a range of one datapoint is one contiguous scan. Numbers and bools
 * also go into a DOUBLE column so SQL can aggregate them; any other value keeps its JSON text.
 */
public final class HistoryStore {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);

    /** Versions 1-4 were keyed by (dp, ts); 5-13 move the rows to the clustered key and drop them. */
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS history_value (dp BIGINT NOT NULL, ts BIGINT NOT NULL, num DOUBLE,"
                    + " json VARCHAR(1000000), PRIMARY KEY (dp, ts))",
            "CREATE TABLE IF NOT EXISTS history_setpoint (dp BIGINT NOT NULL, ts BIGINT NOT NULL,"
                    + " json VARCHAR(1000000) NOT NULL, PRIMARY KEY (dp, ts))",
            "CREATE TABLE IF NOT EXISTS history_schedule (dp BIGINT NOT NULL, ts BIGINT NOT NULL,"
                    + " json VARCHAR(1000000) NOT NULL, PRIMARY KEY (dp, ts))",
            "CREATE INDEX IF NOT EXISTS history_value_ts ON history_value (ts)",
            "CREATE TABLE value_history (k BIGINT PRIMARY KEY, num DOUBLE, json VARCHAR(1000000))",
            "CREATE TABLE setpoint_history (k BIGINT PRIMARY KEY, json VARCHAR(1000000) NOT NULL)",
            "CREATE TABLE schedule_history (k BIGINT PRIMARY KEY, json VARCHAR(1000000) NOT NULL)",
            "INSERT INTO value_history SELECT BITOR(LSHIFT(dp, 42), ts), num, json FROM history_value WHERE ts BETWEEN 0 AND "
                    + HistoryKey.MAX_TIME,
            "INSERT INTO setpoint_history SELECT BITOR(LSHIFT(dp, 42), ts), json FROM history_setpoint WHERE ts BETWEEN 0 AND "
                    + HistoryKey.MAX_TIME,
            "INSERT INTO schedule_history SELECT BITOR(LSHIFT(dp, 42), ts), json FROM history_schedule WHERE ts BETWEEN 0 AND "
                    + HistoryKey.MAX_TIME,
            "DROP TABLE history_value",
            "DROP TABLE history_setpoint",
            "DROP TABLE history_schedule");

    private static final List<String> TABLES = List.of("value_history", "setpoint_history", "schedule_history");

    private final Database database;
    private final int queryLimit;
    /** Used by the writer thread only. */
    private Connection writer;
    private long unstorable;

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
     * replaces the first. Messages with a timestamp before 1970 are skipped and counted. Call from one
     * thread only.
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
        try (PreparedStatement values = writer.prepareStatement("MERGE INTO value_history (k, num, json) KEY (k) VALUES (?, ?, ?)");
                PreparedStatement setpoints = writer.prepareStatement("MERGE INTO setpoint_history (k, json) KEY (k) VALUES (?, ?)");
                PreparedStatement schedules = writer.prepareStatement("MERGE INTO schedule_history (k, json) KEY (k) VALUES (?, ?)")) {
            for (DatapointEvent e : events) {
                PreparedStatement target;
                long ts;
                switch (e.kind()) {
                    case VALUE -> {
                        target = values;
                        ts = e.value().timestamp();
                    }
                    case SETPOINT -> {
                        target = setpoints;
                        ts = e.setpoint().timestamp();
                    }
                    case SCHEDULE -> {
                        target = schedules;
                        ts = e.schedule().timestamp();
                    }
                    default -> {
                        continue;
                    }
                }
                if (!HistoryKey.fits(e.number(), ts)) {
                    skip(e, ts);
                    continue;
                }
                target.setLong(1, HistoryKey.of(e.number(), ts));
                if (target == values) {
                    Object v = e.value().value();
                    if (v instanceof Number num) {
                        values.setDouble(2, num.doubleValue());
                        values.setNull(3, Types.VARCHAR);
                    } else if (v instanceof Boolean b) {
                        values.setDouble(2, b ? 1 : 0);
                        values.setString(3, b.toString());
                    } else {
                        values.setNull(2, Types.DOUBLE);
                        values.setString(3, MessageJson.write(v));
                    }
                } else if (target == setpoints) {
                    setpoints.setString(2, MessageJson.writeSetpoint(e.setpoint()));
                } else {
                    schedules.setString(2, MessageJson.writeSchedule(e.schedule()));
                }
                target.addBatch();
                n++;
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

    private void skip(DatapointEvent e, long ts) {
        if (unstorable++ % 10_000 == 0) {
            LOG.warn("History cannot keep {} of {} at {} (number {}): the time is before 1970 or after 2109, or the "
                    + "gateway has given out more than {} datapoint numbers; {} such messages skipped since start",
                    e.kind(), e.id(), ts, e.number(), HistoryKey.MAX_NUMBER, unstorable);
        }
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
        if (q.to() <= Math.max(0, q.from())) {
            return new ArrayList<>();
        }
        if (q.intervalMillis() > 0 && values && q.aggregation() != Aggregation.LAST) {
            return aggregate(number, q, limit);
        }
        String table = values ? "value_history" : q.kind() == MessageKind.SETPOINT ? "setpoint_history" : "schedule_history";
        String columns = values ? "k, num, json" : "k, json";
        List<HistoryPoint> points = new ArrayList<>();
        try (Connection c = database.connect();
                PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + table
                        + " WHERE k BETWEEN ? AND ? ORDER BY k" + (q.intervalMillis() > 0 ? "" : " LIMIT ?"))) {
            ps.setLong(1, HistoryKey.clamped(number, q.from()));
            ps.setLong(2, HistoryKey.lastBefore(number, q.to()));
            if (q.intervalMillis() <= 0) {
                ps.setInt(3, limit);
            }
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                long bucket = Long.MIN_VALUE;
                while (rs.next()) {
                    long ts = HistoryKey.timestamp(rs.getLong(1));
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
        // Within one datapoint's keys, the timestamp is the key minus the datapoint's first key.
        try (Connection c = database.connect();
                PreparedStatement ps = c.prepareStatement("SELECT bucket, " + fn + " FROM (SELECT (k - ?) - MOD(k - ?, ?) AS bucket, num"
                        + " FROM value_history WHERE k BETWEEN ? AND ? AND num IS NOT NULL) GROUP BY bucket ORDER BY bucket LIMIT ?")) {
            long base = HistoryKey.first(number);
            ps.setLong(1, base);
            ps.setLong(2, base);
            ps.setLong(3, q.intervalMillis());
            ps.setLong(4, HistoryKey.clamped(number, q.from()));
            ps.setLong(5, HistoryKey.lastBefore(number, q.to()));
            ps.setInt(6, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    points.add(new HistoryPoint(rs.getLong(1), rs.getDouble(2)));
                }
            }
        }
        return points;
    }

    /**
     * Deletes everything older than a time. Walks the datapoints present in each table from key to key,
     * deleting one datapoint's old range at a time, so the work follows what there is to delete, not the
     * size of the table.
     *
     * @param before epoch ms
     * @return the rows deleted
     */
    public int purgeBefore(long before) throws SQLException {
        int n = 0;
        try (Connection c = database.connect()) {
            for (String table : TABLES) {
                try (PreparedStatement next = c.prepareStatement("SELECT k FROM " + table + " WHERE k >= ? ORDER BY k LIMIT 1");
                        PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE k >= ? AND k < ?")) {
                    long from = 0;
                    while (true) {
                        next.setLong(1, from);
                        long number;
                        try (ResultSet rs = next.executeQuery()) {
                            if (!rs.next()) {
                                break;
                            }
                            number = HistoryKey.number(rs.getLong(1));
                        }
                        delete.setLong(1, HistoryKey.first(number));
                        delete.setLong(2, HistoryKey.clamped(number, before));
                        n += delete.executeUpdate();
                        if (number >= HistoryKey.MAX_NUMBER) {
                            break;
                        }
                        from = HistoryKey.first(number + 1);
                    }
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
