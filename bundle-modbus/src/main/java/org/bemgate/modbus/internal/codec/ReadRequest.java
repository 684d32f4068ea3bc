package org.bemgate.modbus.internal.codec;

/**
 * One read request of a {@link ReadRange}, within the protocol's limit per request.
 *
 * @param function the read function
 * @param unit the unit id
 * @param address the first register or bit (the PDU address, as configured)
 * @param count how many registers or bits
 * @param offset where the response belongs in the range's registers or bits
 */
public record ReadRequest(ModbusFunction function, int unit, int address, int count, int offset) {
}
