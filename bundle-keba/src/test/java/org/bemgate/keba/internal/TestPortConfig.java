package org.bemgate.keba.internal;

import org.bemgate.keba.internal.udp.KebaPortConfig;

/** A {@link KebaPortConfig} as Config Admin would give it. */
final class TestPortConfig {

    private TestPortConfig() {
    }

    static KebaPortConfig on(String bind, int port) {
        return (KebaPortConfig) java.lang.reflect.Proxy.newProxyInstance(KebaPortConfig.class.getClassLoader(),
                new Class<?>[] { KebaPortConfig.class }, (proxy, m, args) -> switch (m.getName()) {
                    case "annotationType" -> KebaPortConfig.class;
                    case "port" -> port;
                    case "bind" -> bind;
                    default -> m.getDefaultValue();
                });
    }
}
