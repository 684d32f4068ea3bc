package org.bemgate.modbus.internal.codec;

/**
 * A fixed value written after a write item's own value, to the same unit with the same function
 * and datatypes (§11): Fronius needs {@code 1} in WMaxLim_Ena (40246) after WMaxLimPct (40242).
 *
 * @param address the companion address
 * @param value the value, written unscaled
 */
public record CompanionWrite(int address, Object value) {
}
