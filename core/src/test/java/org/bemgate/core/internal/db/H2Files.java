package org.bemgate.core.internal.db;

import java.io.File;
import java.sql.SQLException;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;

/** Fresh H2 files under target/ for tests. */
public final class H2Files {

    private H2Files() {
    }

    /** @return the base path (without .mv.db) of a new database file */
    public static String newBase() {
        return new File("target/h2/" + UUID.randomUUID() + "/bemgate").getAbsolutePath();
    }

    /** @return a Database on that file, as the component opens it */
    public static Database open(String base) throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        // Tests leave stores open; H2 closing dozens of them in its shutdown hook outlasts surefire's exit timeout.
        ds.setURL("jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE");
        return Database.on(ds, base + ".mv.db");
    }
}
