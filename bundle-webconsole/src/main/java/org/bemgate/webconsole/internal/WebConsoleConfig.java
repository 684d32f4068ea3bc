package org.bemgate.webconsole.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the web console, PID {@value #PID} ({@code etc/org.bemgate.webconsole.cfg}).
 * Every attribute has a default, so the console runs without a file.
 */
@ObjectClassDefinition(name = "bemgate web console",
        description = "REST API, live event stream, metrics and browser console of the gateway")
public @interface WebConsoleConfig {

    /** The configuration PID shared by the console's components. */
    String PID = "org.bemgate.webconsole";

    /** Maps to the whiteboard property osgi.http.whiteboard.context.path of the console's context. */
    @AttributeDefinition(name = "Path", description = "URL path of the console and its API, such as /bemgate")
    String osgi_http_whiteboard_context_path() default "/bemgate";

    @AttributeDefinition(name = "JAAS realm", description = "Realm that checks user names and passwords")
    String jaasRealm() default "karaf";

    @AttributeDefinition(name = "Viewer roles", description = "JAAS roles that may read everything")
    String[] viewerRoles() default { "viewer" };

    @AttributeDefinition(name = "Operator roles",
            description = "JAAS roles that may also write values, setpoints and schedules and choose active datapoints")
    String[] operatorRoles() default { "operator" };

    @AttributeDefinition(name = "Admin roles",
            description = "JAAS roles that may also manage connectors, configurations, bundles and features")
    String[] adminRoles() default { "admin" };

    @AttributeDefinition(name = "Session timeout (minutes)", description = "Idle time after which a login expires")
    int sessionTimeoutMinutes() default 30;

    @AttributeDefinition(name = "Maximum sessions", description = "Logins held at once; the oldest idle one goes first")
    int maxSessions() default 1000;

    @AttributeDefinition(name = "Failed logins before delay",
            description = "Failed logins per user name or remote address before further attempts are delayed")
    int maxFailedLogins() default 5;

    @AttributeDefinition(name = "First login delay (seconds)",
            description = "Delay after the allowed failures; doubles with every further failure")
    int loginDelaySeconds() default 2;

    @AttributeDefinition(name = "Longest login delay (seconds)", description = "Upper bound of the doubling delay")
    int maxLoginDelaySeconds() default 900;

    @AttributeDefinition(name = "Event buffer per client",
            description = "Events queued for one live-stream client; a slow client loses the oldest beyond this")
    int eventBufferSize() default 5000;

    @AttributeDefinition(name = "Event batch interval (ms)", description = "Events are sent to clients in batches this often")
    int eventBatchMillis() default 200;

    @AttributeDefinition(name = "Live-stream clients", description = "Most live-stream (SSE) clients at once")
    int maxEventClients() default 32;

    @AttributeDefinition(name = "Health poll interval (seconds)",
            description = "How often connector health is checked for changes to stream and log")
    int healthPollSeconds() default 2;

    @AttributeDefinition(name = "Write timeout (seconds)", description = "How long a REST write waits for the device's answer")
    int writeTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Largest bundle upload (MB)")
    int maxUploadMegabytes() default 64;

    @AttributeDefinition(name = "Largest page of datapoints", description = "Upper bound of the limit parameter")
    int maxPageSize() default 20000;

    @AttributeDefinition(name = "Configurable factory PIDs",
            description = "Prefix of the factory PIDs the console lists and edits as connector configurations")
    String factoryPidPrefix() default "org.bemgate.";

    @AttributeDefinition(name = "Generate admin password",
            description = "On first start with no admin user in etc/users.properties, create user admin with a random password")
    boolean generateAdminPassword() default true;

    @AttributeDefinition(name = "Turn on Karaf password hashing",
            description = "If etc/org.apache.karaf.jaas.cfg has encryption.enabled=false when the admin password is "
                    + "generated, switch it on so the generated password is stored hashed")
    boolean enableKarafPasswordHashing() default true;
}
