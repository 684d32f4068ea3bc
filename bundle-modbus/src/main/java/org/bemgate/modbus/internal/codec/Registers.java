package org.bemgate.modbus.internal.codec;

/** Conversion between 16-bit registers and the bytes they carry on the wire (big-endian). */
public final class Registers {

    private Registers() {
    }

    /**
     * @param registers 16-bit unsigned values
     * @return their bytes, each register high byte first
     * @throws IllegalArgumentException for a value outside 0..65535
     */
    public static byte[] toBytes(int[] registers) {
        byte[] bytes = new byte[registers.length * 2];
        for (int i = 0; i < registers.length; i++) {
            int r = registers[i];
            if (r < 0 || r > 0xffff) {
                throw new IllegalArgumentException("register " + i + " holds " + r + ", not a 16-bit unsigned value");
            }
            bytes[2 * i] = (byte) (r >> 8);
            bytes[2 * i + 1] = (byte) r;
        }
        return bytes;
    }

    /**
     * @param bytes an even number of bytes
     * @return the registers they make up, high byte first
     * @throws IllegalArgumentException for an odd number of bytes
     */
    public static int[] fromBytes(byte[] bytes) {
        if (bytes.length % 2 != 0) {
            throw new IllegalArgumentException(bytes.length + " bytes are not a whole number of registers");
        }
        int[] registers = new int[bytes.length / 2];
        for (int i = 0; i < registers.length; i++) {
            registers[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        return registers;
    }
}
