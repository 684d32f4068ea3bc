package ${package}.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Builds {@link ${classPrefix}Config} instances as Config Admin would: the given properties over the metatype defaults. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** @param properties name/value pairs */
    public static ${classPrefix}Config config(Object... properties) {
        Map<String, Object> p = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            p.put((String) properties[i], properties[i + 1]);
        }
        return (${classPrefix}Config) Proxy.newProxyInstance(${classPrefix}Config.class.getClassLoader(), new Class<?>[] { ${classPrefix}Config.class },
                (proxy, m, args) -> m.getName().equals("annotationType") ? ${classPrefix}Config.class
                        : p.containsKey(m.getName()) ? p.get(m.getName()) : m.getDefaultValue());
    }
}
