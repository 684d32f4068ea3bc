package org.bemgate.benchmarks;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.internal.db.CoreConfig;
import org.bemgate.core.internal.db.Database;
import org.h2.jdbcx.JdbcDataSource;

/** What every benchmark sets up: a real H2 file in a temporary folder, datapoints, the core's defaults. */
final class Fixtures {

    private Fixtures() {
    }

    /** A fresh H2 file database, as the gateway opens it; deleted with {@link #delete(Path)}. */
    static Database database(Path dir) throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("bemgate").toAbsolutePath());
        return Database.on(ds, dir.resolve("bemgate.mv.db").toString());
    }

    /** The core configuration with every default the metatype declares, as on a fresh gateway. */
    static CoreConfig defaults() {
        return (CoreConfig) Proxy.newProxyInstance(CoreConfig.class.getClassLoader(), new Class<?>[] { CoreConfig.class },
                (proxy, method, args) -> {
                    Object d = method.getDefaultValue();
                    if (d == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return d;
                });
    }

    /** {@code n} numeric sensors of one connector, as a polling connector registers them. */
    static List<DatapointMetadata> sensors(String connector, int n) {
        List<DatapointMetadata> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(DatapointMetadata.builder(DatapointId.of(connector, "sensor_" + i), DatapointType.SENSOR)
                    .dataFormat(DataFormat.CONTINUOUS_NUMERIC).unit("W").build());
        }
        return list;
    }

    static Path tempDir(String name) throws IOException {
        return Files.createTempDirectory("bemgate-bench-" + name);
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
