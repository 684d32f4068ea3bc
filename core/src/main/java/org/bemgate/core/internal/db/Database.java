package org.bemgate.core.internal.db;

import java.io.File;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's one JDBC store (the H2 file by default), shared by the registry and the history.
 * This component is its only owner: it opens the store, keeps one connection open for its lifetime
 * (which also holds H2's file lock), and fails with a message naming the file when it cannot.
 */
@Component(service = Database.class, configurationPid = CoreConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = "dataSourceFactory.target=(osgi.jdbc.driver.class=org.h2.Driver)")
@Designate(ocd = CoreConfig.class)
public class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final DataSource dataSource;
    private final String description;
    private final Connection keeper;

    /** Opens the configured store through the driver's DataSourceFactory. */
    @Activate
    public Database(@Reference(name = "dataSourceFactory") DataSourceFactory factory, CoreConfig config) throws SQLException {
        this(createDataSource(factory, config), describe(jdbcUrl(config)));
    }

    /**
     * Opens a store outside OSGi (tests, benchmarks); fails at once, with the file or URL in the
     * message, if it cannot be used.
     *
     * @param dataSource where connections come from
     * @param description what an operator recognises the store by: the H2 file path or the URL
     * @return the open store
     * @throws SQLException with an operator-readable message
     */
    public static Database on(DataSource dataSource, String description) throws SQLException {
        return new Database(dataSource, description);
    }

    // Private: SCR inspects every public constructor of a component and logs an error for this one.
    private Database(DataSource dataSource, String description) throws SQLException {
        this.dataSource = dataSource;
        this.description = description;
        try {
            this.keeper = dataSource.getConnection();
        } catch (SQLException e) {
            String why = e.getErrorCode() == H2_DATABASE_ALREADY_OPEN
                    ? "it is locked by another process: is another bemgate running on the same data folder? Stop it, "
                            + "or point jdbcUrl in etc/org.bemgate.core.cfg at another file"
                    : "it is damaged or not a database (" + e.getMessage().split("\n")[0] + "). Restore it from a backup, "
                            + "or move it away to start with an empty registry";
            String message = "Cannot open the bemgate database " + description + ": " + why;
            LOG.error(message);
            throw new SQLException(message, e.getSQLState(), e.getErrorCode(), e);
        }
        LOG.info("bemgate database: {}", description);
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

    /** Closes the kept connection; H2 closes the file when the other users have closed theirs. */
    @Deactivate
    public void close() {
        try {
            keeper.close();
        } catch (SQLException e) {
            LOG.warn("Closing the bemgate database {} failed: {}", description, e.getMessage());
        }
    }

    static String jdbcUrl(CoreConfig config) {
        if (!config.jdbcUrl().isBlank()) {
            return config.jdbcUrl().trim();
        }
        String data = System.getProperty("karaf.data", "data");
        return "jdbc:h2:file:" + new File(data, "bemgate/bemgate").getAbsolutePath();
    }

    /** @return for H2 files the path of the .mv.db file, else the URL without parameters (which may hold credentials) */
    static String describe(String url) {
        if (url.startsWith("jdbc:h2:file:") || (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:"))) {
            String path = url.substring(url.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:".length() : "jdbc:h2:".length());
            int semi = path.indexOf(';');
            return (semi < 0 ? path : path.substring(0, semi)) + ".mv.db";
        }
        int q = url.indexOf('?');
        int semi = url.indexOf(';');
        int cut = q < 0 ? semi : (semi < 0 ? q : Math.min(q, semi));
        return cut < 0 ? url : url.substring(0, cut);
    }

    private static DataSource createDataSource(DataSourceFactory factory, CoreConfig config) throws SQLException {
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, jdbcUrl(config));
        if (!config.user().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_USER, config.user());
        }
        if (!config.password().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_PASSWORD, config.password());
        }
        return factory.createDataSource(props);
    }
}
