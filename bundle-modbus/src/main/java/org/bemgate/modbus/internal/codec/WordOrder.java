package org.bemgate.modbus.internal.codec;

/** The order of the 16-bit registers that make up one 32- or 64-bit value (§10.6). */
public enum WordOrder {
    /** The registers appear as Python {@code struct} packs them; BEMCom's only behaviour. */
    MOST_SIGNIFICANT_FIRST,
    /**
     * LSRF: the registers of every 4- and 8-byte number are reversed before decoding and after
     * encoding, for devices that put the least significant register first.
     */
    LEAST_SIGNIFICANT_FIRST
}
