package org.bemgate.knx.internal;

import java.util.HashMap;
import java.util.Map;

/** Builds {@link KnxConnectorConfig} instances as Config Admin would, with the metatype defaults. */
final class TestConfigs {

    private TestConfigs() {
    }

    /** A connector with the given properties (name/value pairs) and a 0.2 s first reconnect pause. */
    static KnxConnectorConfig config(Object... properties) {
        Map<String, Object> p = new HashMap<>();
        p.put("reconnectSeconds", 0.2);
        p.put("maxReconnectSeconds", 1.0);
        for (int i = 0; i < properties.length; i += 2) {
            p.put((String) properties[i], properties[i + 1]);
        }
        return (KnxConnectorConfig) java.lang.reflect.Proxy.newProxyInstance(KnxConnectorConfig.class.getClassLoader(),
                new Class<?>[] { KnxConnectorConfig.class }, (proxy, m, args) -> {
                    if (m.getName().equals("annotationType")) {
                        return KnxConnectorConfig.class;
                    }
                    return p.containsKey(m.getName()) ? p.get(m.getName()) : m.getDefaultValue();
                });
    }
}
