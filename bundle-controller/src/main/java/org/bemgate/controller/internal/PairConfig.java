package org.bemgate.controller.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One controlled pair: {@code etc/org.bemgate.controller-<name>.cfg}, or {@code bem:pair-add}. */
@ObjectClassDefinition(name = "bemgate controlled pair", description = "A sensor whose values, with the actuator's setpoint "
        + "and schedule, decide the actuator's value")
public @interface PairConfig {

    String PID = "org.bemgate.controller";

    @AttributeDefinition(name = "Sensor", description = "The datapoint id of the sensor, <connector>/<key>")
    String sensor();

    @AttributeDefinition(name = "Actuator", description = "The datapoint id of the actuator, <connector>/<key>; one pair per actuator")
    String actuator();

    @AttributeDefinition(name = "Name", description = "How bem:pairs shows the pair; default: the actuator", required = false)
    String name() default "";
}
