package org.bemgate.core.api;

/** What a {@link DatapointEvent} reports. */
public enum EventKind {
    /** A new value; {@link DatapointEvent#value()} holds it. */
    VALUE,
    /** A new setpoint; {@link DatapointEvent#setpoint()} holds it. */
    SETPOINT,
    /** A new schedule; {@link DatapointEvent#schedule()} holds it. */
    SCHEDULE,
    /** The datapoint appeared or its metadata changed; {@link DatapointEvent#metadata()} holds it. */
    METADATA,
    /** The datapoint was activated or deactivated; see {@link DatapointEvent#active()}. */
    ACTIVATION,
    /** The datapoint was removed from the registry. */
    REMOVED
}
