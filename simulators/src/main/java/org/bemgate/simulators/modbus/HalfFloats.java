package org.bemgate.simulators.modbus;

/** IEEE 754 half precision, and the demo device's little-endian register layout of it. */
public final class HalfFloats {

    private HalfFloats() {
    }

    /** @return the half's 16 bits, rounded to nearest even */
    public static int toBits(float value) {
        int f = Float.floatToIntBits(value);
        int sign = (f >>> 16) & 0x8000;
        int exp = (f >>> 23) & 0xFF;
        int mant = f & 0x7FFFFF;
        if (exp == 0xFF) {
            return sign | 0x7C00 | (mant != 0 ? 0x200 : 0);
        }
        int e = exp - 127 + 15;
        if (e >= 0x1F) {
            return sign | 0x7C00;
        }
        if (e <= 0) {
            if (e < -10) {
                return sign;
            }
            mant |= 0x800000;
            int shift = 14 - e;
            int half = mant >> shift;
            int rest = mant & ((1 << shift) - 1);
            int mid = 1 << (shift - 1);
            if (rest > mid || (rest == mid && (half & 1) == 1)) {
                half++;
            }
            return sign | half;
        }
        int half = (e << 10) | (mant >> 13);
        int rest = mant & 0x1FFF;
        if (rest > 0x1000 || (rest == 0x1000 && (half & 1) == 1)) {
            half++;
        }
        return sign | half;
    }

    /** @return the value of a half's 16 bits */
    public static float fromBits(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0) {
            float v = mant / 1024f / 16384f;
            return sign != 0 ? -v : v;
        }
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    /** @return the register holding the value as little-endian half bytes: 21.0 is 0x404D */
    public static int toLittleEndianRegister(double value) {
        int bits = toBits((float) value);
        return ((bits & 0xFF) << 8) | (bits >>> 8);
    }

    /** @return the value of a register holding a little-endian half */
    public static double fromLittleEndianRegister(int register) {
        int bits = ((register & 0xFF) << 8) | ((register >>> 8) & 0xFF);
        return fromBits(bits);
    }
}
