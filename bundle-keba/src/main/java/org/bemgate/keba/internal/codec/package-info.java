/**
 * The pure KEBA P30 codec of the connector: replies parsed from datagram text, commands built and
 * checked from actuator values, BEMCom's datapoint keys and the metadata of every report field, and
 * BEMCom's {@code KEBA_P30_CHARGE_STATIONS}. No sockets and no clocks here; the station and the UDP
 * port owner do the I/O.
 */
package org.bemgate.keba.internal.codec;
