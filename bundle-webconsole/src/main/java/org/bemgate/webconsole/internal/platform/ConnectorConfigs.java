package org.bemgate.webconsole.internal.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connector configurations through Config Admin, described by the metatype service; present only
 * when Config Admin is. Errors: {@link java.util.NoSuchElementException} for an unknown PID,
 * {@link IllegalArgumentException} for a property that does not fit its declared type.
 */
public interface ConnectorConfigs {

    /** @return the configurable connector kinds; empty without a metatype service */
    List<ConnectorType> types();

    /**
     * @param factoryPid a factory PID, or null for all under the console's prefix
     * @return the factory configurations, by PID
     */
    List<ConfigInfo> list(String factoryPid);

    /**
     * @param pid a configuration PID
     * @return the configuration, or empty
     */
    Optional<ConfigInfo> get(String pid);

    /**
     * @param factoryPid the kind of connector
     * @param name the configuration's name; the file becomes {@code etc/<factoryPid>-<name>.cfg}
     * @param properties the properties, as JSON values
     * @return the new configuration
     */
    ConfigInfo create(String factoryPid, String name, Map<String, Object> properties);

    /**
     * Replaces the properties of a configuration; a masked secret keeps its stored value.
     *
     * @param pid the configuration PID
     * @param properties the new properties, as JSON values
     * @return the configuration afterwards
     */
    ConfigInfo update(String pid, Map<String, Object> properties);

    /** @param pid the configuration to delete */
    void delete(String pid);
}
