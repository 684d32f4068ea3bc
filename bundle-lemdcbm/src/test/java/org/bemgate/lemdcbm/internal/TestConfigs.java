package org.bemgate.lemdcbm.internal;

import java.util.HashMap;
import java.util.Map;

/** Builds {@link LemDcbmConfig} instances as Config Admin would, with the metatype defaults. */
final class TestConfigs {

    private TestConfigs() {
    }

    /** A meter with the given properties (name/value pairs) over the metatype defaults. */
    static LemDcbmConfig config(Object... properties) {
        Map<String, Object> p = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            p.put((String) properties[i], properties[i + 1]);
        }
        return (LemDcbmConfig) java.lang.reflect.Proxy.newProxyInstance(LemDcbmConfig.class.getClassLoader(),
                new Class<?>[] { LemDcbmConfig.class }, (proxy, m, args) -> {
                    if (m.getName().equals("annotationType")) {
                        return LemDcbmConfig.class;
                    }
                    return p.containsKey(m.getName()) ? p.get(m.getName()) : m.getDefaultValue();
                });
    }
}
