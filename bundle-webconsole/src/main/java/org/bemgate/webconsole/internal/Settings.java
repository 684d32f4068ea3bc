package org.bemgate.webconsole.internal;

import java.time.Duration;
import java.util.Set;

/**
 * The console's settings as plain values, taken from {@link WebConsoleConfig} in the container and built
 * directly in tests.
 */
public record Settings(String jaasRealm, Set<String> viewerRoles, Set<String> operatorRoles, Set<String> adminRoles,
        Duration sessionTimeout, int maxSessions, int maxFailedLogins, Duration loginDelay, Duration maxLoginDelay,
        int eventBufferSize, Duration eventBatch, int maxEventClients, Duration healthPoll, Duration writeTimeout,
        long maxUploadBytes, int maxPageSize, String factoryPidPrefix) {

    /**
     * @param c the configuration
     * @return the settings it describes
     */
    public static Settings from(WebConsoleConfig c) {
        return new Settings(c.jaasRealm(), Set.of(c.viewerRoles()), Set.of(c.operatorRoles()), Set.of(c.adminRoles()),
                Duration.ofMinutes(Math.max(1, c.sessionTimeoutMinutes())), Math.max(1, c.maxSessions()),
                Math.max(1, c.maxFailedLogins()), Duration.ofSeconds(Math.max(0, c.loginDelaySeconds())),
                Duration.ofSeconds(Math.max(1, c.maxLoginDelaySeconds())), Math.max(10, c.eventBufferSize()),
                Duration.ofMillis(Math.max(10, c.eventBatchMillis())), Math.max(1, c.maxEventClients()),
                Duration.ofSeconds(Math.max(1, c.healthPollSeconds())), Duration.ofSeconds(Math.max(1, c.writeTimeoutSeconds())),
                Math.max(1, c.maxUploadMegabytes()) * 1024L * 1024L, Math.max(100, c.maxPageSize()), c.factoryPidPrefix());
    }

    /** @return the defaults of {@link WebConsoleConfig} */
    public static Settings defaults() {
        return new Settings("karaf", Set.of("viewer"), Set.of("operator"), Set.of("admin"), Duration.ofMinutes(30), 1000, 5,
                Duration.ofSeconds(2), Duration.ofSeconds(900), 5000, Duration.ofMillis(200), 32, Duration.ofSeconds(2),
                Duration.ofSeconds(10), 64L * 1024 * 1024, 20000, "org.bemgate.");
    }
}
