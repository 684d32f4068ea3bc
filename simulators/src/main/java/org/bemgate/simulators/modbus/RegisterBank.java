package org.bemgate.simulators.modbus;

/**
 * The four Modbus tables of a simulated device, addresses 0–65535, shared by every unit id.
 * Thread-safe; tests set and read it while clients poll.
 */
public final class RegisterBank {

    private static final int SIZE = 65_536;

    private final boolean[] coils = new boolean[SIZE];
    private final boolean[] discreteInputs = new boolean[SIZE];
    private final int[] holding = new int[SIZE];
    private final int[] input = new int[SIZE];

    public synchronized void setHolding(int address, int... values) {
        for (int i = 0; i < values.length; i++) {
            holding[address + i] = values[i] & 0xFFFF;
        }
    }

    public synchronized int holding(int address) {
        return holding[address];
    }

    public synchronized void setInput(int address, int... values) {
        for (int i = 0; i < values.length; i++) {
            input[address + i] = values[i] & 0xFFFF;
        }
    }

    public synchronized int input(int address) {
        return input[address];
    }

    public synchronized void setCoil(int address, boolean on) {
        coils[address] = on;
    }

    public synchronized boolean coil(int address) {
        return coils[address];
    }

    public synchronized void setDiscreteInput(int address, boolean on) {
        discreteInputs[address] = on;
    }

    public synchronized boolean discreteInput(int address) {
        return discreteInputs[address];
    }

    synchronized int[] readRegisters(boolean holdingTable, int address, int count) {
        int[] out = new int[count];
        System.arraycopy(holdingTable ? holding : input, address, out, 0, count);
        return out;
    }

    synchronized boolean[] readBits(boolean coilTable, int address, int count) {
        boolean[] out = new boolean[count];
        System.arraycopy(coilTable ? coils : discreteInputs, address, out, 0, count);
        return out;
    }

    static boolean fits(int address, int count) {
        return address >= 0 && count >= 1 && address + count <= SIZE;
    }
}
