package org.bemgate.knx.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One KNX IP gateway reached by KNXnet/IP tunnelling: {@code etc/org.bemgate.knx-<name>.cfg}. The group
 * addresses come as BEMCom's {@code KNX_DATAPOINTS}, unchanged.
 */
@ObjectClassDefinition(name = "bemgate KNX IP gateway", description = "A KNX installation reached through a KNX IP interface "
        + "or router by KNXnet/IP tunnelling over UDP")
public @interface KnxConnectorConfig {

    /** The factory PID: one configuration per gateway. */
    String PID = "org.bemgate.knx";

    @AttributeDefinition(name = "Name", description = "The connector name, the first part of every datapoint id "
            + "(letters, digits, '-' and '_')")
    String name();

    @AttributeDefinition(name = "Gateway host", description = "KNX_GATEWAY_HOST: the address or DNS name of the KNX IP interface")
    String host() default "";

    @AttributeDefinition(name = "Gateway port", description = "KNX_GATEWAY_PORT: its KNXnet/IP UDP port")
    int port() default 3671;

    @AttributeDefinition(name = "Local address", description = "The address of this machine the tunnel uses; empty picks the one "
            + "the route to the gateway leaves from", required = false)
    String localAddress() default "";

    @AttributeDefinition(name = "NAT mode", description = "Ask the gateway to answer where the datagrams come from, for a gateway "
            + "behind NAT or a firewall that rewrites addresses")
    boolean nat() default false;

    @AttributeDefinition(name = "Datapoints", description = "KNX_DATAPOINTS: BEMCom's JSON {\"sensor\": {\"2/3/111\": "
            + "\"DPST-9-1\"}, \"actuator\": {\"2/3/113\": \"DPST-1-1\"}}; bem:knx-import builds it from an ETS export")
    String datapoints() default "";

    @AttributeDefinition(name = "First reconnect pause (s)", description = "Pause before reconnecting after a lost connection "
            + "or a failed attempt; doubled after each failure")
    double reconnectSeconds() default 2;

    @AttributeDefinition(name = "Longest reconnect pause (s)", description = "The pause stops growing here")
    double maxReconnectSeconds() default 120;

    @AttributeDefinition(name = "Active on first sight", description = "Group addresses to activate when they are registered for "
            + "the first time; an operator's later choice is kept", required = false)
    String[] activeDatapoints() default {};
}
