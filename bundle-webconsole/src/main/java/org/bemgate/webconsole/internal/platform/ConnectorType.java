package org.bemgate.webconsole.internal.platform;

import java.util.List;

/**
 * A kind of connector that can be configured: a factory PID with its metatype description, from
 * which the browser builds a form.
 *
 * @param factoryPid the factory PID
 * @param name the human name
 * @param description what it is
 * @param bundle the symbolic name of the bundle that declares it
 * @param attributes the properties it takes
 */
public record ConnectorType(String factoryPid, String name, String description, String bundle,
        List<Attribute> attributes) {

    /**
     * One property of a configuration.
     *
     * @param id the property key
     * @param name the label
     * @param description help text
     * @param type String, Long, Integer, Short, Byte, Character, Double, Float, Boolean or Password
     * @param cardinality 0 for a single value, otherwise the most values (negative: a list)
     * @param defaults the default values, or empty
     * @param options allowed values with their labels, or empty
     * @param required whether a value is needed
     */
    public record Attribute(String id, String name, String description, String type, int cardinality,
            List<String> defaults, List<Option> options, boolean required) {
    }

    /**
     * An allowed value.
     *
     * @param label what the form shows
     * @param value the value stored
     */
    public record Option(String label, String value) {
    }
}
