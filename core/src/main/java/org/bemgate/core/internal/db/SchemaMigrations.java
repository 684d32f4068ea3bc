package org.bemgate.core.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema changes per owner ("registry", "history"): statement n of an owner's list is
 * schema version n + 1 and runs once. New versions only append statements, never edit old ones.
 * The same table keeps named counters (such as the last datapoint number given).
 */
public final class SchemaMigrations {

    private SchemaMigrations() {
    }

    /**
     * Runs the statements of an owner that have not run yet on this store.
     *
     * @param c the connection
     * @param owner who owns the statements
     * @param statements all of the owner's statements, oldest first
     */
    public static synchronized void apply(Connection c, String owner, List<String> statements) throws SQLException {
        ensureTable(c);
        long done = counter(c, "schema." + owner);
        for (int i = (int) done; i < statements.size(); i++) {
            try (Statement st = c.createStatement()) {
                st.execute(statements.get(i));
            }
            setCounter(c, "schema." + owner, i + 1);
        }
    }

    /**
     * @param c the connection
     * @param name the counter
     * @return its value, 0 if never set
     */
    public static long counter(Connection c, String name) throws SQLException {
        ensureTable(c);
        try (PreparedStatement ps = c.prepareStatement("SELECT val FROM bemgate_meta WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /**
     * @param c the connection
     * @param name the counter
     * @param value its new value
     */
    public static void setCounter(Connection c, String name, long value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO bemgate_meta (name, val) KEY (name) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setLong(2, value);
            ps.executeUpdate();
        }
    }

    private static void ensureTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS bemgate_meta (name VARCHAR(200) PRIMARY KEY, val BIGINT NOT NULL)");
        }
    }
}
