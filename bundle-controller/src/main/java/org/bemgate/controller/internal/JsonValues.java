package org.bemgate.controller.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;

/**
 * How the controller compares JSON values: a number and a numeric string ({@code "21"},
 * {@code "21.0"}) compare by numeric value; other values by JSON equality. BEMCom compared them
 * as Python does, where {@code 18} is not in {@code ["17", "18"]}; bemgate deliberately does.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** @return the numeric value of a number or a numeric string, else null */
    static BigDecimal number(Object v) {
        if (v instanceof Number n) {
            if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
                return null;
            }
            return new BigDecimal(n.toString());
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static boolean same(Object a, Object b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    static boolean contains(Collection<?> values, Object v) {
        for (Object o : values) {
            if (same(o, v)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether {@code v <= limit} numerically; false when either is not a number */
    static boolean atMost(Object v, double limit) {
        BigDecimal x = number(v);
        return x != null && x.compareTo(BigDecimal.valueOf(limit)) <= 0;
    }

    /** @return whether {@code v >= limit} numerically; false when either is not a number */
    static boolean atLeast(Object v, double limit) {
        BigDecimal x = number(v);
        return x != null && x.compareTo(BigDecimal.valueOf(limit)) >= 0;
    }
}
