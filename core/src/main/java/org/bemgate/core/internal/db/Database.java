package org.bemgate.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * The gateway's one JDBC store (the H2 file by default), shared by the registry and the history.
 * One component owns it (see {@code DatabaseComponent}); the others get it injected.
 */
public final class Database {

    private final DataSource dataSource;
    private final String description;

    /**
     * @param dataSource where connections come from
     * @param description what an operator recognises the store by in error messages: the H2 file path
     *        or the JDBC URL without credentials
     */
    public Database(DataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
    }

    /**
     * @return a new connection; the caller closes it
     * @throws SQLException if the store cannot be reached
     */
    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** @return the file path or URL, for messages */
    public String description() {
        return description;
    }
}
