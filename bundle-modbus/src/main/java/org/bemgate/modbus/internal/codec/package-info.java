/**
 * The pure Modbus codec of the connector: BEMCom's {@code MODBUS_CONFIG}, Python-{@code struct}
 * register decoding and encoding, address assignment, request splitting and write encoding. No
 * network I/O happens here; the connector component executes the requests this package plans.
 */
package org.bemgate.modbus.internal.codec;
