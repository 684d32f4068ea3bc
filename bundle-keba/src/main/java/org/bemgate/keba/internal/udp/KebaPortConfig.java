package org.bemgate.keba.internal.udp;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The gateway's KEBA UDP port: {@code etc/org.bemgate.keba.port.cfg}, optional. */
@ObjectClassDefinition(name = "bemgate KEBA UDP port", description = "The UDP port all KEBA stations are talked to on")
public @interface KebaPortConfig {

    /** The PID: one port per gateway. */
    String PID = "org.bemgate.keba.port";

    @AttributeDefinition(name = "Port", description = "Local and remote UDP port; KEBA stations use 7090 and answer to nothing else")
    int port() default 7090;

    @AttributeDefinition(name = "Listen on", description = "The local address to bind; 0.0.0.0 for every interface")
    String bind() default "0.0.0.0";
}
