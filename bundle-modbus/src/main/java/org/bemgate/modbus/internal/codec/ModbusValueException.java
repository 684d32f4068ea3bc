package org.bemgate.modbus.internal.codec;

/**
 * An actuator value that cannot be written: BEMCom logs a warning and writes nothing (§10.10). The
 * message names the datapoint key, the value and the problem.
 */
public class ModbusValueException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message the key, the value and the problem */
    public ModbusValueException(String message) {
        super(message);
    }
}
