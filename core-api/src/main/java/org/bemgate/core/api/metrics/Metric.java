package org.bemgate.core.api.metrics;

import java.util.Objects;

/**
 * One figure, named as Prometheus names them.
 *
 * @param name such as {@code bemgate_registry_published_total}: letters, digits and {@code _}
 * @param type {@link #COUNTER} (only grows) or {@link #GAUGE}
 * @param help one line on what it counts
 * @param value the current value
 */
public record Metric(String name, String type, String help, double value) {

    /** A count that only grows while the bundle runs. */
    public static final String COUNTER = "counter";
    /** A value that goes up and down. */
    public static final String GAUGE = "gauge";

    /** Checks the name and type. */
    public Metric {
        Objects.requireNonNull(help, "help");
        if (name == null || !name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
            throw new IllegalArgumentException("'" + name + "' is not a metric name: letters, digits and _");
        }
        if (!COUNTER.equals(type) && !GAUGE.equals(type)) {
            throw new IllegalArgumentException("metric type must be counter or gauge, not '" + type + "'");
        }
    }

    /** @return a counter */
    public static Metric counter(String name, String help, double value) {
        return new Metric(name, COUNTER, help, value);
    }

    /** @return a gauge */
    public static Metric gauge(String name, String help, double value) {
        return new Metric(name, GAUGE, help, value);
    }
}
