package org.bemgate.core.internal.db;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the core ({@code etc/org.bemgate.core.cfg}): the store, the registry and the history. */
@ObjectClassDefinition(name = "bemgate core", description = "Database, registry and history settings")
public @interface CoreConfig {

    /** The configuration PID shared by the core's components. */
    String PID = "org.bemgate.core";

    @AttributeDefinition(name = "JDBC URL", description = "Where the registry and history live. Empty: the H2 file "
            + "data/bemgate/bemgate.mv.db under Karaf's data folder. A PostgreSQL URL also needs "
            + "dataSourceFactory.target set to that driver's DataSourceFactory.")
    String jdbcUrl() default "";

    @AttributeDefinition(name = "Database user")
    String user() default "";

    @AttributeDefinition(name = "Database password", type = AttributeType.PASSWORD,
            description = "Use $[secret:name] or $[env:NAME] in the .cfg file rather than the password itself.")
    String password() default "";

    @AttributeDefinition(name = "Write timeout (s)", description = "How long an actuator write may take before it counts as FAILED")
    int writeTimeoutSeconds() default 30;

    @AttributeDefinition(name = "Latest values saved every (s)", description = "Latest values are kept in memory and "
            + "saved this often, and on shutdown; metadata and activation are saved at once")
    int latestValueSaveSeconds() default 5;

    @AttributeDefinition(name = "Listener queue size", description = "Events held per listener before the oldest are dropped")
    int listenerQueueSize() default 262144;

    @AttributeDefinition(name = "History retention (days)", description = "History older than this is deleted, hourly; 0 keeps everything")
    int retentionDays() default 365;

    @AttributeDefinition(name = "History query limit", description = "The most points one history query returns")
    int historyQueryLimit() default 1000000;
}
