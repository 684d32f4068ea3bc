package org.bemgate.ocpp.internal;

import java.util.HashMap;
import java.util.Map;

/** Builds {@link OcppConnectorConfig} instances as Config Admin would, with the metatype defaults. */
final class TestConfigs {

    private TestConfigs() {
    }

    /** A central system on 127.0.0.1 and a free port, with the given properties (name/value pairs). */
    static OcppConnectorConfig config(Object... properties) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", "ocpp");
        p.put("bind", "127.0.0.1");
        p.put("port", 0);
        for (int i = 0; i < properties.length; i += 2) {
            p.put((String) properties[i], properties[i + 1]);
        }
        return (OcppConnectorConfig) java.lang.reflect.Proxy.newProxyInstance(OcppConnectorConfig.class.getClassLoader(),
                new Class<?>[] { OcppConnectorConfig.class }, (proxy, m, args) -> {
                    if (m.getName().equals("annotationType")) {
                        return OcppConnectorConfig.class;
                    }
                    return p.containsKey(m.getName()) ? p.get(m.getName()) : m.getDefaultValue();
                });
    }
}
