package org.bemgate.modbus.internal;

/**
 * A request that did not succeed: the device answered with a Modbus exception, or the connection
 * failed. The message is what an operator reads in the connector's health reason.
 */
final class ModbusFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exceptionCode;

    private ModbusFailure(String message, int exceptionCode, Throwable cause) {
        super(message, cause);
        this.exceptionCode = exceptionCode;
    }

    /** The device answered, with a Modbus exception response. */
    static ModbusFailure deviceException(String request, int code) {
        return new ModbusFailure(request + ": the device answered " + ExceptionCodes.name(code), code, null);
    }

    /** No usable answer: no connection, a timeout, a broken frame. */
    static ModbusFailure connection(String request, String why, Throwable cause) {
        return new ModbusFailure(request + ": " + why, 0, cause);
    }

    /** @return whether the device answered (with an exception) rather than not at all */
    boolean deviceAnswered() {
        return exceptionCode != 0;
    }

    int exceptionCode() {
        return exceptionCode;
    }
}
