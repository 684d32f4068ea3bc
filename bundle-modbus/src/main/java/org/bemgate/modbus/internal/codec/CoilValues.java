package org.bemgate.modbus.internal.codec;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * BEMCom's acceptance rule for coil writes (§10.10): a value passes if Python's
 * {@code value == True or value == False} holds, so {@code true}, {@code false}, {@code 1},
 * {@code 0}, {@code 1.0} and {@code 0.0} pass; strings and null do not.
 */
final class CoilValues {

    private CoilValues() {
    }

    /**
     * @param value a JSON value
     * @return the coil state, or null if BEMCom would reject the value
     */
    static Boolean toCoil(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long
                || value instanceof BigInteger || value instanceof BigDecimal || value instanceof Double
                || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == 1.0 && (!(value instanceof BigInteger big) || big.equals(BigInteger.ONE))) {
                return true;
            }
            if (d == 0.0 && (!(value instanceof BigInteger big) || big.signum() == 0)) {
                return false;
            }
        }
        return null;
    }
}
