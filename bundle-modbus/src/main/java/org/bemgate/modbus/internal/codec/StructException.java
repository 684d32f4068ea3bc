package org.bemgate.modbus.internal.codec;

/**
 * A {@code datatypes} string that Python's {@code struct} would reject, or a value or buffer that
 * does not fit it: the counterpart of Python's {@code struct.error}. Callers add the range or
 * datapoint the problem belongs to.
 */
public class StructException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, without the range it belongs to */
    public StructException(String message) {
        super(message);
    }
}
