package org.bemgate.core.api;

/** The three kinds of message a datapoint carries and the history keeps. */
public enum MessageKind {
    /** {@link Value}: sensor readings and actuator commands. */
    VALUE,
    /** {@link Setpoint}: actuators only. */
    SETPOINT,
    /** {@link Schedule}: actuators only. */
    SCHEDULE
}
