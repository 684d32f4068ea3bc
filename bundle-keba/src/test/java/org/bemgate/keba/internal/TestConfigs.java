package org.bemgate.keba.internal;

import java.util.HashMap;
import java.util.Map;

/** Builds {@link KebaConnectorConfig} instances as Config Admin would, with the metatype defaults. */
final class TestConfigs {

    private TestConfigs() {
    }

    /** A connector with the given properties (name/value pairs); poll interval 5 s, KEBA's minimum. */
    static KebaConnectorConfig config(Object... properties) {
        Map<String, Object> p = new HashMap<>();
        p.put("pollSeconds", 5.0);
        for (int i = 0; i < properties.length; i += 2) {
            p.put((String) properties[i], properties[i + 1]);
        }
        return (KebaConnectorConfig) java.lang.reflect.Proxy.newProxyInstance(KebaConnectorConfig.class.getClassLoader(),
                new Class<?>[] { KebaConnectorConfig.class }, (proxy, m, args) -> {
                    if (m.getName().equals("annotationType")) {
                        return KebaConnectorConfig.class;
                    }
                    return p.containsKey(m.getName()) ? p.get(m.getName()) : m.getDefaultValue();
                });
    }
}
