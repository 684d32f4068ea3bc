package org.bemgate.modbus.internal.codec;

import java.util.Optional;
import java.util.StringJoiner;

/**
 * The Modbus functions {@code MODBUS_CONFIG} knows, by their BEMCom key, with the protocol's limit on
 * how many registers or bits one request may carry.
 */
public enum ModbusFunction {
    /** FC 1. */
    READ_COILS("read_coils", 1, true, true, 2000),
    /** FC 2. */
    READ_DISCRETE_INPUTS("read_discrete_inputs", 2, true, true, 2000),
    /** FC 3. */
    READ_HOLDING_REGISTERS("read_holding_registers", 3, true, false, 125),
    /** FC 4. */
    READ_INPUT_REGISTERS("read_input_registers", 4, true, false, 125),
    /** FC 5. */
    WRITE_COIL("write_coil", 5, false, true, 1),
    /** FC 6. */
    WRITE_REGISTER("write_register", 6, false, false, 1),
    /** FC 16. */
    WRITE_REGISTERS("write_registers", 16, false, false, 123);

    private final String key;
    private final int functionCode;
    private final boolean read;
    private final boolean bits;
    private final int maxPerRequest;

    ModbusFunction(String key, int functionCode, boolean read, boolean bits, int maxPerRequest) {
        this.key = key;
        this.functionCode = functionCode;
        this.read = read;
        this.bits = bits;
        this.maxPerRequest = maxPerRequest;
    }

    /**
     * @param key a {@code MODBUS_CONFIG} top-level key, such as {@code read_coils}
     * @return the function, or empty for any other key
     */
    public static Optional<ModbusFunction> fromKey(String key) {
        for (ModbusFunction f : values()) {
            if (f.key.equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** @return all keys, comma separated, for error messages */
    public static String allKeys() {
        StringJoiner joiner = new StringJoiner(", ");
        for (ModbusFunction f : values()) {
            joiner.add(f.key);
        }
        return joiner.toString();
    }

    /** @return the BEMCom key, which also starts every datapoint key of the function */
    public String key() {
        return this.key;
    }

    /** @return the Modbus function code */
    public int functionCode() {
        return this.functionCode;
    }

    /** @return true for the four read functions */
    public boolean isRead() {
        return this.read;
    }

    /** @return true for coils and discrete inputs, false for registers */
    public boolean isBits() {
        return this.bits;
    }

    /** @return true for holding and input registers, the only reads that are scaled (§10.8) */
    public boolean isRegisterRead() {
        return this.read && !this.bits;
    }

    /** @return the most registers or bits one request may carry */
    public int maxPerRequest() {
        return this.maxPerRequest;
    }
}
