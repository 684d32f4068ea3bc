package org.bemgate.core.api;

/** Whether a datapoint is read from a device or written to it. */
public enum DatapointType {
    /** A value the device reports. */
    SENSOR("sensor"),
    /** A value that can be written to the device; may also carry a setpoint and a schedule. */
    ACTUATOR("actuator");

    private final String bemcomName;

    DatapointType(String bemcomName) {
        this.bemcomName = bemcomName;
    }

    /** @return the name BEMCom uses on the wire and in its API ({@code sensor}, {@code actuator}) */
    public String bemcomName() {
        return bemcomName;
    }

    /**
     * Looks a type up by its BEMCom name or its constant name, ignoring case.
     *
     * @param name {@code sensor} or {@code actuator}
     * @return the type
     * @throws IllegalArgumentException for any other name
     */
    public static DatapointType parse(String name) {
        for (DatapointType t : values()) {
            if (t.bemcomName.equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown datapoint type '" + name + "': expected sensor or actuator");
    }
}
