package org.bemgate.modbus.internal;

import org.bemgate.modbus.internal.codec.ReadRequest;
import org.bemgate.modbus.internal.codec.WriteRequest;

/**
 * One connection to one device. Not thread-safe: the connector serialises every request on its
 * own thread (one connection per device, one request at a time, because j2mod can match a response
 * to the wrong request otherwise).
 */
interface ModbusLink {

    /** Connects if not connected. */
    void connect() throws ModbusFailure;

    /** @return registers of a holding or input register request, as 16-bit unsigned values */
    int[] readRegisters(ReadRequest request) throws ModbusFailure;

    /** @return exactly {@code request.count()} bits of a coil or discrete input request */
    boolean[] readBits(ReadRequest request) throws ModbusFailure;

    void write(WriteRequest request) throws ModbusFailure;

    /** Closes the connection; the next request connects again. */
    void disconnect();
}
