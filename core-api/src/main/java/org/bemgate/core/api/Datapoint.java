package org.bemgate.core.api;

/**
 * A snapshot of one datapoint as the registry holds it: metadata, activation and latest messages.
 *
 * @param metadata what is known about the datapoint
 * @param number a positive integer the registry assigns once and never reuses; BEMCom's MQTT topics
 *        carry it ({@code <connector>/messages/<number>/value})
 * @param active whether the operator keeps it: only active datapoints are historised and bridged
 * @param value the latest value, or null if none arrived yet
 * @param setpoint the latest setpoint (actuators), or null
 * @param schedule the latest schedule (actuators), or null
 */
public record Datapoint(DatapointMetadata metadata, long number, boolean active, Value value, Setpoint setpoint,
        Schedule schedule) {

    /** @return the datapoint's id */
    public DatapointId id() {
        return metadata.id();
    }

    /** @return sensor or actuator */
    public DatapointType type() {
        return metadata.type();
    }
}
