package com.example.bemgate.httpmeter.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Builds {@link HttpMeterConfig} instances as Config Admin would: the given properties over the metatype defaults. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** @param properties name/value pairs */
    public static HttpMeterConfig config(Object... properties) {
        Map<String, Object> p = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            p.put((String) properties[i], properties[i + 1]);
        }
        return (HttpMeterConfig) Proxy.newProxyInstance(HttpMeterConfig.class.getClassLoader(), new Class<?>[] { HttpMeterConfig.class },
                (proxy, m, args) -> m.getName().equals("annotationType") ? HttpMeterConfig.class
                        : p.containsKey(m.getName()) ? p.get(m.getName()) : m.getDefaultValue());
    }
}
