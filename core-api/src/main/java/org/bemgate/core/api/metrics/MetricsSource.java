package org.bemgate.core.api.metrics;

import java.util.List;

/**
 * A bundle's figures for monitoring. Register an implementation as an OSGi service; whoever exports
 * metrics (the web console's {@code /metrics}) asks every source each time it is scraped, so keep
 * {@link #metrics()} cheap: read counters, do not compute.
 */
@FunctionalInterface
public interface MetricsSource {

    /** @return the current figures */
    List<Metric> metrics();
}
