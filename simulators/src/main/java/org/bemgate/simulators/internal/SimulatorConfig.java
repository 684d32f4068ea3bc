package org.bemgate.simulators.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One simulated Modbus device in the container: {@code etc/org.bemgate.simulator.modbus-<name>.cfg}. */
@ObjectClassDefinition(name = "bemgate Modbus device simulator", description = "A simulated Modbus TCP device, for demos and tests")
public @interface SimulatorConfig {

    String PID = "org.bemgate.simulator.modbus";

    @AttributeDefinition(name = "Device", options = { @Option(label = "BEMCom demo room", value = "demo-room"),
        @Option(label = "Empty Modbus device", value = "modbus") })
    String device() default "demo-room";

    @AttributeDefinition(name = "Listen on", description = "Keep it on loopback unless other hosts must reach it")
    String bind() default "127.0.0.1";

    @AttributeDefinition(name = "Port")
    int port() default 5020;
}
