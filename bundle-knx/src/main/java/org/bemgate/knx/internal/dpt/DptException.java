package org.bemgate.knx.internal.dpt;

/** A datapoint type that is not supported, or a value that does not fit its datapoint type. */
public final class DptException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, for an operator */
    public DptException(String message) {
        super(message);
    }
}
