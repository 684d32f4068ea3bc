/**
 * Counters and gauges that bundles offer for monitoring: publish a {@link MetricsSource} service and the
 * web console's {@code /metrics} exports its figures to Prometheus.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.bemgate.core.api.metrics;
