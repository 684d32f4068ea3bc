package org.bemgate.webconsole.internal.platform;

import java.util.Map;

/**
 * A factory configuration of a connector.
 *
 * @param pid the configuration PID
 * @param factoryPid the factory PID, such as {@code org.bemgate.modbus}
 * @param properties the properties without the framework's own ({@code service.pid} …); secrets masked
 */
public record ConfigInfo(String pid, String factoryPid, Map<String, Object> properties) {
}
