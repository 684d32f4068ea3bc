package ${package}.internal;

import java.util.concurrent.ScheduledExecutorService;

import org.bemgate.core.api.DatapointRegistry;

/** Lets tests in other packages start a connector on their own executor. */
public final class Connectors {

    private Connectors() {
    }

    /** @return a connector that runs on the given executor and stamps values with the system clock */
    public static ${classPrefix}Connector start(DatapointRegistry registry, ${classPrefix}Config cfg, ScheduledExecutorService executor) {
        return new ${classPrefix}Connector(registry, cfg, executor, System::currentTimeMillis);
    }
}
