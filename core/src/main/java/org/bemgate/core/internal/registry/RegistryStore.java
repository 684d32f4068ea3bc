package org.bemgate.core.internal.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.Value;
import org.bemgate.core.internal.db.Database;
import org.bemgate.core.internal.db.SchemaMigrations;
import org.bemgate.core.internal.json.MessageJson;

/**
 * The registry's tables: one row per datapoint with metadata, activation and latest messages.
 * Called from the registry's single store thread only, on one long-lived connection.
 */
final class RegistryStore implements AutoCloseable {

    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS datapoint ("
                    + " number BIGINT PRIMARY KEY, connector VARCHAR(200) NOT NULL, dp_key VARCHAR(1000) NOT NULL,"
                    + " type VARCHAR(20) NOT NULL, data_format VARCHAR(40) NOT NULL, unit VARCHAR(100) NOT NULL,"
                    + " description VARCHAR(4000) NOT NULL, short_name VARCHAR(200), min_value DOUBLE, max_value DOUBLE,"
                    + " allowed_values VARCHAR(100000), example_value VARCHAR(100000), active BOOLEAN NOT NULL,"
                    + " value_json VARCHAR(1000000), value_ts BIGINT, setpoint_json VARCHAR(1000000), schedule_json VARCHAR(1000000),"
                    + " CONSTRAINT datapoint_id UNIQUE (connector, dp_key))");

    private final Connection connection;

    RegistryStore(Database database) throws SQLException {
        this.connection = database.connect();
        SchemaMigrations.apply(connection, "registry", SCHEMA);
    }

    /** A row as loaded at start. */
    record Row(long number, DatapointMetadata metadata, boolean active, Value value, String setpointJson, String scheduleJson) {
    }

    List<Row> loadAll() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT number, connector, dp_key, type, data_format, unit, description,"
                        + " short_name, min_value, max_value, allowed_values, example_value, active, value_json, value_ts,"
                        + " setpoint_json, schedule_json FROM datapoint")) {
            while (rs.next()) {
                DatapointId id = DatapointId.of(rs.getString(2), rs.getString(3));
                String allowed = rs.getString(11);
                String example = rs.getString(12);
                DatapointMetadata meta = DatapointMetadata.builder(id, DatapointType.parse(rs.getString(4)))
                        .dataFormat(DataFormat.parse(rs.getString(5))).unit(rs.getString(6)).description(rs.getString(7))
                        .shortName(rs.getString(8)).minValue(doubleOrNull(rs, 9)).maxValue(doubleOrNull(rs, 10))
                        .allowedValues(allowed == null ? null : (List<?>) MessageJson.read(allowed))
                        .exampleValue(example == null ? null : MessageJson.read(example)).build();
                String valueJson = rs.getString(14);
                Value value = valueJson == null ? null : new Value(MessageJson.read(valueJson), rs.getLong(15));
                rows.add(new Row(rs.getLong(1), meta, rs.getBoolean(13), value, rs.getString(16), rs.getString(17)));
            }
        }
        return rows;
    }

    /** Inserts or replaces metadata and activation of datapoints, in one transaction. */
    void saveMetadata(Collection<DatapointEntry> entries) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement ps = connection.prepareStatement("MERGE INTO datapoint (number, connector, dp_key, type,"
                    + " data_format, unit, description, short_name, min_value, max_value, allowed_values, example_value, active)"
                    + " KEY (number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (DatapointEntry e : entries) {
                    DatapointMetadata m = e.metadata;
                    ps.setLong(1, e.number);
                    ps.setString(2, m.id().connector());
                    ps.setString(3, m.id().key());
                    ps.setString(4, m.type().bemcomName());
                    ps.setString(5, m.dataFormat().bemcomName());
                    ps.setString(6, m.unit());
                    ps.setString(7, m.description());
                    ps.setString(8, m.shortName());
                    setDouble(ps, 9, m.minValue());
                    setDouble(ps, 10, m.maxValue());
                    ps.setString(11, m.allowedValues() == null ? null : MessageJson.write(m.allowedValues()));
                    ps.setString(12, m.exampleValue() == null ? null : MessageJson.write(m.exampleValue()));
                    ps.setBoolean(13, e.active);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** Writes the latest messages of datapoints, in one transaction. */
    void saveLatest(Collection<DatapointEntry> entries) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE datapoint SET value_json = ?, value_ts = ?, setpoint_json = ?, schedule_json = ? WHERE number = ?")) {
                for (DatapointEntry e : entries) {
                    Value v = e.value;
                    ps.setString(1, v == null ? null : MessageJson.write(v.value()));
                    if (v == null) {
                        ps.setNull(2, Types.BIGINT);
                    } else {
                        ps.setLong(2, v.timestamp());
                    }
                    ps.setString(3, e.setpoint == null ? null : MessageJson.writeSetpoint(e.setpoint));
                    ps.setString(4, e.schedule == null ? null : MessageJson.writeSchedule(e.schedule));
                    ps.setLong(5, e.number);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    void delete(Collection<Long> numbers) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM datapoint WHERE number = ?")) {
                for (long n : numbers) {
                    ps.setLong(1, n);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** @return the highest number ever given, so numbers are never reused; kept in the migrations table */
    long loadNumberCounter() throws SQLException {
        return SchemaMigrations.counter(connection, "datapoint_number");
    }

    void saveNumberCounter(long value) throws SQLException {
        SchemaMigrations.setCounter(connection, "datapoint_number", value);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private void inTransaction(SqlWork work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static Double doubleOrNull(ResultSet rs, int col) throws SQLException {
        double d = rs.getDouble(col);
        return rs.wasNull() ? null : d;
    }

    private static void setDouble(PreparedStatement ps, int col, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(col, Types.DOUBLE);
        } else {
            ps.setDouble(col, v);
        }
    }

}
