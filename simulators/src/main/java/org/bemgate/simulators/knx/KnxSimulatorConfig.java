package org.bemgate.simulators.knx;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One simulated KNX IP interface in the container: {@code etc/org.bemgate.simulator.knx-<name>.cfg}. */
@ObjectClassDefinition(name = "bemgate KNX IP interface simulator", description = "A simulated KNXnet/IP tunnelling "
        + "interface with a bus behind it, for demos and tests")
public @interface KnxSimulatorConfig {

    String PID = "org.bemgate.simulator.knx";

    @AttributeDefinition(name = "Listen on", description = "Keep it on loopback unless other hosts must reach it")
    String bind() default "127.0.0.1";

    @AttributeDefinition(name = "Port", description = "UDP port; KNXnet/IP uses 3671")
    int port() default KnxIpSimulator.DEFAULT_PORT;

    @AttributeDefinition(name = "Group values", description = "Values the bus holds at start, answered to group reads: "
            + "<group address>=<hex bytes>, or <group address>=small:<0-63> for 1-bit to 6-bit types "
            + "(1/1/1=0C33 is 21.5 for DPT 9, 1/1/2=small:1 is on for DPT 1)", required = false)
    String[] values() default {};
}
