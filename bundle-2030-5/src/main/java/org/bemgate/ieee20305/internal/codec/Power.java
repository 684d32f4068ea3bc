package org.bemgate.ieee20305.internal.codec;

/**
 * A 2030.5 ActivePower (also ReactivePower, ApparentPower, WattHour): {@code value × 10^multiplier}
 * with an Int16 value, so 50 kW is written as 5000 × 10¹.
 *
 * @param value the Int16 value
 * @param multiplier the power of ten
 */
public record Power(int value, int multiplier) {

    /**
     * @param amount watts (or VA, var, Wh); whole numbers above 32767 lose their last digits
     * @return the value with the smallest multiplier that fits Int16
     */
    public static Power of(double amount) {
        int m = 0;
        double v = amount;
        while (Math.abs(Math.round(v)) > Short.MAX_VALUE && m < 9) {
            v /= 10;
            m++;
        }
        return new Power((int) Math.round(v), m);
    }

    /** @return the amount in watts (VA, var, Wh) */
    public double amount() {
        return value * Math.pow(10, multiplier);
    }

    /** @return the amount as a Long when whole, else a Double, for publishing */
    public Number number() {
        double a = amount();
        return a == Math.rint(a) && Math.abs(a) < 1e15 ? (Number) Long.valueOf((long) a) : (Number) Double.valueOf(a);
    }
}
