package org.bemgate.ieee20305.internal;

import java.util.HashMap;
import java.util.Map;

/** Builds {@link Ieee20305Config} instances as Config Admin would, with the metatype defaults. */
final class TestConfigs {

    private TestConfigs() {
    }

    static Ieee20305Config config(Object... properties) {
        Map<String, Object> p = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            p.put((String) properties[i], properties[i + 1]);
        }
        return (Ieee20305Config) java.lang.reflect.Proxy.newProxyInstance(Ieee20305Config.class.getClassLoader(),
                new Class<?>[] { Ieee20305Config.class }, (proxy, m, args) -> {
                    if (m.getName().equals("annotationType")) {
                        return Ieee20305Config.class;
                    }
                    return p.containsKey(m.getName()) ? p.get(m.getName()) : m.getDefaultValue();
                });
    }
}
