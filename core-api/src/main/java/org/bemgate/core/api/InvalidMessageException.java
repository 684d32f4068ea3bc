package org.bemgate.core.api;

/**
 * A value, setpoint, schedule or metadata change was refused; the message says why in words an
 * operator understands ("value 35.0 is above max_value 30.0 of demo-room/write_register__1__1").
 */
public class InvalidMessageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param reason why the message was refused */
    public InvalidMessageException(String reason) {
        super(reason);
    }
}
