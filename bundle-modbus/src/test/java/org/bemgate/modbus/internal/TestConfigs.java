package org.bemgate.modbus.internal;

import java.util.HashMap;
import java.util.Map;

/** Builds {@link ModbusConnectorConfig} instances as Config Admin would, with the metatype defaults. */
final class TestConfigs {

    private TestConfigs() {
    }

    /** A fast-polling device on loopback; {@code overrides} are property name/value pairs. */
    static ModbusConnectorConfig config(String json, Object... overrides) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", "dev");
        p.put("host", "127.0.0.1");
        p.put("port", 502);
        p.put("pollSeconds", 0.05);
        p.put("maxRetries", 2);
        p.put("retryWaitSeconds", 0.01);
        p.put("timeoutMillis", 300);
        p.put("config", json);
        for (int i = 0; i < overrides.length; i += 2) {
            p.put((String) overrides[i], overrides[i + 1]);
        }
        return (ModbusConnectorConfig) java.lang.reflect.Proxy.newProxyInstance(ModbusConnectorConfig.class.getClassLoader(),
                new Class<?>[] { ModbusConnectorConfig.class }, (proxy, m, args) -> {
                    if (m.getName().equals("annotationType")) {
                        return ModbusConnectorConfig.class;
                    }
                    Object v = p.containsKey(m.getName()) ? p.get(m.getName()) : m.getDefaultValue();
                    return v;
                });
    }
}
