package org.bemgate.keba.internal.codec;

import java.math.BigDecimal;

/**
 * Turns actuator values into the integers and words of a command. Numbers and numeric strings are
 * both taken, because BEMCom's KEBA connector was fed strings ({@code "36000"}) while bemgate's
 * registry passes numbers.
 */
final class ActuatorValues {

    private ActuatorValues() {
    }

    /** @return the value as a whole number */
    static long integer(Object value, String what) throws KebaValueException {
        if (value instanceof Number n) {
            BigDecimal d = decimal(n.toString(), what);
            return whole(d, value, what);
        }
        if (value instanceof String s) {
            return whole(decimal(s.strip(), what), value, what);
        }
        throw new KebaValueException(what + ": " + show(value) + " is not a number");
    }

    /** @return the value, which must lie in [min, max] */
    static long inRange(Object value, String what, long min, long max) throws KebaValueException {
        long n = integer(value, what);
        if (n < min || n > max) {
            throw new KebaValueException(what + ": " + n + " is outside " + min + "–" + max);
        }
        return n;
    }

    /** @return true or false from a bool, 0/1 or "0"/"1"/"true"/"false" */
    static boolean flag(Object value, String what) throws KebaValueException {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.strip().equalsIgnoreCase("true") || s.strip().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.strip());
        }
        return inRange(value, what, 0, 1) == 1;
    }

    /** @return the value as text */
    static String text(Object value, String what) throws KebaValueException {
        if (value instanceof String s) {
            return s;
        }
        throw new KebaValueException(what + ": " + show(value) + " is not a text");
    }

    static String show(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    private static BigDecimal decimal(String text, String what) throws KebaValueException {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new KebaValueException(what + ": \"" + text + "\" is not a number");
        }
    }

    private static long whole(BigDecimal d, Object value, String what) throws KebaValueException {
        try {
            return d.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new KebaValueException(what + ": " + show(value) + " is not a whole number");
        }
    }
}
