package org.bemgate.mqtt.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Builds configuration annotation instances as Config Admin would, with the metatype defaults. */
public final class Configs {

    private Configs() {
    }

    /** @return an instance of {@code type} with the given properties (name/value pairs) and defaults for the rest */
    public static <A> A of(Class<A> type, Object... properties) {
        Map<String, Object> p = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            p.put((String) properties[i], properties[i + 1]);
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, m, args) -> {
            if (m.getName().equals("annotationType")) {
                return type;
            }
            return p.containsKey(m.getName()) ? p.get(m.getName()) : m.getDefaultValue();
        }));
    }
}
