package org.bemgate.core.api;

/**
 * A change of one datapoint, delivered to {@link DatapointListener}s.
 *
 * @param kind what changed
 * @param id the datapoint
 * @param number the datapoint's registry number (see {@link Datapoint#number()})
 * @param type sensor or actuator
 * @param active whether the datapoint is active after the change
 * @param payload the {@link Value}, {@link Setpoint}, {@link Schedule} or {@link DatapointMetadata}
 *        the kind names; null for {@link EventKind#ACTIVATION} and {@link EventKind#REMOVED}
 */
public record DatapointEvent(EventKind kind, DatapointId id, long number, DatapointType type, boolean active,
        Object payload) {

    /** @return the value of a {@link EventKind#VALUE} event, else null */
    public Value value() {
        return kind == EventKind.VALUE ? (Value) payload : null;
    }

    /** @return the setpoint of a {@link EventKind#SETPOINT} event, else null */
    public Setpoint setpoint() {
        return kind == EventKind.SETPOINT ? (Setpoint) payload : null;
    }

    /** @return the schedule of a {@link EventKind#SCHEDULE} event, else null */
    public Schedule schedule() {
        return kind == EventKind.SCHEDULE ? (Schedule) payload : null;
    }

    /** @return the metadata of a {@link EventKind#METADATA} event, else null */
    public DatapointMetadata metadata() {
        return kind == EventKind.METADATA ? (DatapointMetadata) payload : null;
    }
}
