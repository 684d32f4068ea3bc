package org.bemgate.modbus.internal.codec;

/**
 * {@code MODBUS_CONFIG} cannot be used. The message names the range or item (function key and start
 * address) and what is wrong, ready to be shown as the connector's {@code FAILED} reason.
 */
public class ModbusConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message the range or item and the problem */
    public ModbusConfigException(String message) {
        super(message);
    }

    /**
     * @param message the range or item and the problem
     * @param cause the underlying error
     */
    public ModbusConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
