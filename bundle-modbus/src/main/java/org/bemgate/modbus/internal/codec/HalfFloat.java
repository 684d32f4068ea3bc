package org.bemgate.modbus.internal.codec;

/**
 * IEEE 754 binary16 conversion with the rounding of Python's {@code struct} format {@code e}:
 * round half to even straight from the double (no detour through float, which could round twice).
 */
final class HalfFloat {

    private static final int QUIET_NAN = 0x7e00;
    private static final int INFINITY = 0x7c00;

    private HalfFloat() {
    }

    /**
     * @param bits the 16 bits of a half float
     * @return its exact value
     */
    static double toDouble(int bits) {
        int exponent = bits >> 10 & 0x1f;
        int mantissa = bits & 0x3ff;
        double magnitude;
        if (exponent == 0) {
            magnitude = Math.scalb((double) mantissa, -24);
        } else if (exponent == 0x1f) {
            magnitude = mantissa == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            magnitude = Math.scalb((double) (mantissa | 0x400), exponent - 25);
        }
        return (bits & 0x8000) != 0 ? -magnitude : magnitude;
    }

    /**
     * @param value any double
     * @return the nearest half float's 16 bits
     * @throws StructException if a finite value rounds beyond the largest half float, as Python does
     */
    static int fromDouble(double value) {
        int sign = (Double.doubleToRawLongBits(value) < 0) ? 0x8000 : 0;
        if (Double.isNaN(value)) {
            return sign | QUIET_NAN;
        }
        if (Double.isInfinite(value)) {
            return sign | INFINITY;
        }
        double magnitude = Math.abs(value);
        int exponent = Math.getExponent(magnitude);
        if (exponent < -14) {
            // Subnormal range: whole multiples of 2^-24; a round-up to 1024 becomes the smallest normal.
            return sign | (int) Math.rint(Math.scalb(magnitude, 24));
        }
        long mantissa = (long) Math.rint(Math.scalb(magnitude, 10 - exponent));
        int biased = exponent + 15;
        if (mantissa == 2048) {
            mantissa = 1024;
            biased++;
        }
        if (biased >= 31) {
            throw new StructException("float too large to pack with e format");
        }
        return sign | biased << 10 | (int) (mantissa - 1024);
    }
}
