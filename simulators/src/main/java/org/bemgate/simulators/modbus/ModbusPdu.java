package org.bemgate.simulators.modbus;

import java.nio.ByteBuffer;

/**
 * Answers one Modbus request PDU (function code and data) against a {@link RegisterBank}: the
 * response PDU, or an exception response with the protocol's code. Pure: no I/O.
 */
public final class ModbusPdu {

    /** Exception codes this simulator answers with on bad requests. */
    public static final int ILLEGAL_FUNCTION = 1;
    public static final int ILLEGAL_DATA_ADDRESS = 2;
    public static final int ILLEGAL_DATA_VALUE = 3;

    /** Called after a client wrote a holding register, for devices that react to writes. */
    @FunctionalInterface
    public interface WriteHook {
        void written(int address, int count);
    }

    private ModbusPdu() {
    }

    /** @return the exception response to a function code */
    public static byte[] exception(int function, int code) {
        return new byte[] { (byte) (function | 0x80), (byte) code };
    }

    /**
     * @param pdu the request PDU
     * @param bank the device's tables
     * @param hook told about register writes, may be null
     * @return the response PDU
     */
    public static byte[] answer(byte[] pdu, RegisterBank bank, WriteHook hook) {
        if (pdu.length < 1) {
            return exception(0, ILLEGAL_FUNCTION);
        }
        int fc = pdu[0] & 0xFF;
        ByteBuffer in = ByteBuffer.wrap(pdu, 1, pdu.length - 1);
        switch (fc) {
            case 1, 2, 3, 4 -> {
                if (in.remaining() != 4) {
                    return exception(fc, ILLEGAL_DATA_VALUE);
                }
                int address = in.getShort() & 0xFFFF;
                int count = in.getShort() & 0xFFFF;
                boolean bits = fc <= 2;
                if (count < 1 || count > (bits ? 2000 : 125)) {
                    return exception(fc, ILLEGAL_DATA_VALUE);
                }
                if (!RegisterBank.fits(address, count)) {
                    return exception(fc, ILLEGAL_DATA_ADDRESS);
                }
                return bits ? bits(fc, bank.readBits(fc == 1, address, count)) : registers(fc, bank.readRegisters(fc == 3, address, count));
            }
            case 5 -> {
                if (in.remaining() != 4) {
                    return exception(fc, ILLEGAL_DATA_VALUE);
                }
                int address = in.getShort() & 0xFFFF;
                int value = in.getShort() & 0xFFFF;
                if (value != 0xFF00 && value != 0x0000) {
                    return exception(fc, ILLEGAL_DATA_VALUE);
                }
                bank.setCoil(address, value == 0xFF00);
                return pdu.clone();
            }
            case 6 -> {
                if (in.remaining() != 4) {
                    return exception(fc, ILLEGAL_DATA_VALUE);
                }
                int address = in.getShort() & 0xFFFF;
                bank.setHolding(address, in.getShort() & 0xFFFF);
                if (hook != null) {
                    hook.written(address, 1);
                }
                return pdu.clone();
            }
            case 15, 16 -> {
                if (in.remaining() < 5) {
                    return exception(fc, ILLEGAL_DATA_VALUE);
                }
                int address = in.getShort() & 0xFFFF;
                int count = in.getShort() & 0xFFFF;
                int bytes = in.get() & 0xFF;
                int expected = fc == 15 ? (count + 7) / 8 : count * 2;
                if (count < 1 || count > (fc == 15 ? 1968 : 123) || bytes != expected || in.remaining() != bytes) {
                    return exception(fc, ILLEGAL_DATA_VALUE);
                }
                if (!RegisterBank.fits(address, count)) {
                    return exception(fc, ILLEGAL_DATA_ADDRESS);
                }
                if (fc == 15) {
                    byte[] data = new byte[bytes];
                    in.get(data);
                    for (int i = 0; i < count; i++) {
                        bank.setCoil(address + i, (data[i / 8] >> (i % 8) & 1) == 1);
                    }
                } else {
                    int[] values = new int[count];
                    for (int i = 0; i < count; i++) {
                        values[i] = in.getShort() & 0xFFFF;
                    }
                    bank.setHolding(address, values);
                    if (hook != null) {
                        hook.written(address, count);
                    }
                }
                return new byte[] { (byte) fc, pdu[1], pdu[2], pdu[3], pdu[4] };
            }
            default -> {
                return exception(fc, ILLEGAL_FUNCTION);
            }
        }
    }

    private static byte[] registers(int fc, int[] values) {
        ByteBuffer out = ByteBuffer.allocate(2 + values.length * 2);
        out.put((byte) fc).put((byte) (values.length * 2));
        for (int v : values) {
            out.putShort((short) v);
        }
        return out.array();
    }

    private static byte[] bits(int fc, boolean[] values) {
        int bytes = (values.length + 7) / 8;
        byte[] out = new byte[2 + bytes];
        out[0] = (byte) fc;
        out[1] = (byte) bytes;
        for (int i = 0; i < values.length; i++) {
            if (values[i]) {
                out[2 + i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return out;
    }
}
