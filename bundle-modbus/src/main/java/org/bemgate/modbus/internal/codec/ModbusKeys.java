package org.bemgate.modbus.internal.codec;

/**
 * Datapoint keys as the BEMCom Modbus connector forms them (§10.3):
 * {@code <function>__<unit>__<address>}, for sensors and actuators alike.
 */
public final class ModbusKeys {

    private ModbusKeys() {
    }

    /**
     * @param function the read or write function
     * @param unit the unit id
     * @param address the value's start address
     * @return the key, such as {@code read_input_registers__1__19000}
     */
    public static String key(ModbusFunction function, int unit, int address) {
        return function.key() + "__" + unit + "__" + address;
    }
}
