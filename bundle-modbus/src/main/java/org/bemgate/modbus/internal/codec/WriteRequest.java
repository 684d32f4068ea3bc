package org.bemgate.modbus.internal.codec;

import java.util.Arrays;

/**
 * One write request to execute, in order with its siblings: FC 5 with a coil state, FC 6 with one
 * register or FC 16 with up to 123 registers.
 */
public final class WriteRequest {

    private final ModbusFunction function;
    private final int unit;
    private final int address;
    private final int[] registers;
    private final boolean coil;

    private WriteRequest(ModbusFunction function, int unit, int address, int[] registers, boolean coil) {
        this.function = function;
        this.unit = unit;
        this.address = address;
        this.registers = registers;
        this.coil = coil;
    }

    /**
     * @param unit the unit id
     * @param address the coil
     * @param on the state to write
     * @return an FC 5 request
     */
    public static WriteRequest coil(int unit, int address, boolean on) {
        return new WriteRequest(ModbusFunction.WRITE_COIL, unit, address, new int[0], on);
    }

    /**
     * @param function {@link ModbusFunction#WRITE_REGISTER} (one register) or
     *        {@link ModbusFunction#WRITE_REGISTERS}
     * @param unit the unit id
     * @param address the first register
     * @param registers the 16-bit values
     * @return an FC 6 or FC 16 request
     */
    public static WriteRequest registers(ModbusFunction function, int unit, int address, int[] registers) {
        if (function == ModbusFunction.WRITE_REGISTER ? registers.length != 1 : function != ModbusFunction.WRITE_REGISTERS) {
            throw new IllegalArgumentException(function.key() + " cannot carry " + registers.length + " registers");
        }
        return new WriteRequest(function, unit, address, registers.clone(), false);
    }

    /** @return the write function */
    public ModbusFunction function() {
        return this.function;
    }

    /** @return the unit id */
    public int unit() {
        return this.unit;
    }

    /** @return the coil or first register address */
    public int address() {
        return this.address;
    }

    /** @return a copy of the registers to write; empty for a coil */
    public int[] registers() {
        return this.registers.clone();
    }

    /** @return the coil state; false for register writes */
    public boolean coil() {
        return this.coil;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WriteRequest w && w.function == this.function && w.unit == this.unit && w.address == this.address
                && Arrays.equals(w.registers, this.registers) && w.coil == this.coil;
    }

    @Override
    public int hashCode() {
        return ((this.function.hashCode() * 31 + this.unit) * 31 + this.address) * 31 + Arrays.hashCode(this.registers)
                + (this.coil ? 1 : 0);
    }

    @Override
    public String toString() {
        String payload = this.function == ModbusFunction.WRITE_COIL ? String.valueOf(this.coil) : Arrays.toString(this.registers);
        return this.function.key() + " unit " + this.unit + " address " + this.address + " " + payload;
    }
}
