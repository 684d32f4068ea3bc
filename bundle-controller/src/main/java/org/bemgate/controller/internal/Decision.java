package org.bemgate.controller.internal;

import org.bemgate.core.api.ScheduleItem;
import org.bemgate.core.api.SetpointItem;

/**
 * BEMCom's decision table (reference §8.1, steps 1–6): the actuator value from the active setpoint
 * item, the active schedule item and the latest sensor value, and which rule decided it.
 *
 * @param value the value to write; null when nothing is to be written
 * @param rule why, in words an operator reads in {@code bem:pairs}
 */
record Decision(Object value, String rule) {

    static Decision decide(SetpointItem setpoint, ScheduleItem schedule, boolean hasSensor, Object sensor) {
        if (setpoint == null && schedule == null) {
            return new Decision(null, "no setpoint or schedule applies");
        }
        if (schedule == null) {
            return new Decision(setpoint.preferredValue(), "setpoint only: preferred value");
        }
        if (setpoint == null) {
            return new Decision(schedule.value(), "schedule only: schedule value");
        }
        return switch (setpoint.flexibility()) {
            case DISCRETE -> discrete(setpoint, schedule, hasSensor, sensor);
            case CONTINUOUS -> continuous(setpoint, schedule, hasSensor, sensor);
            case NONE -> new Decision(setpoint.preferredValue(), "setpoint without flexibility: preferred value");
        };
    }

    private static Decision discrete(SetpointItem sp, ScheduleItem sc, boolean hasSensor, Object sensor) {
        if (sp.acceptableValues() == null) {
            return new Decision(sc.value(), "any value acceptable: schedule value");
        }
        if (!hasSensor) {
            return new Decision(sc.value(), "no sensor value yet: schedule value");
        }
        if (JsonValues.contains(sp.acceptableValues(), sensor)) {
            return new Decision(sc.value(), "sensor " + sensor + " acceptable: schedule value");
        }
        return new Decision(sp.preferredValue(), "sensor " + sensor + " not acceptable: preferred value");
    }

    private static Decision continuous(SetpointItem sp, ScheduleItem sc, boolean hasSensor, Object sensor) {
        if (!hasSensor) {
            return new Decision(sc.value(), "no sensor value yet: schedule value");
        }
        Double min = sp.minValue();
        Double max = sp.maxValue();
        boolean inside = (min == null || JsonValues.atLeast(sensor, min)) && (max == null || JsonValues.atMost(sensor, max));
        String band = "[" + (min == null ? "-" : min) + ", " + (max == null ? "-" : max) + "]";
        return inside ? new Decision(sc.value(), "sensor " + sensor + " inside " + band + ": schedule value")
                : new Decision(sp.preferredValue(), "sensor " + sensor + " outside " + band + ": preferred value");
    }
}
