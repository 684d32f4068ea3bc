package org.bemgate.controller.internal;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.ScheduleItem;
import org.bemgate.core.api.SetpointItem;

/**
 * What a pair shows an operator.
 *
 * @param name the pair's name
 * @param sensor the sensor datapoint
 * @param actuator the actuator datapoint
 * @param problem why the pair does nothing, or empty
 * @param setpoint the active setpoint item, or null
 * @param schedule the active schedule item, or null
 * @param lastValue the last value the pair wrote, or null
 * @param rule which rule decided it
 * @param lastOutcome the outcome of the last write, or empty
 * @param nextChange when an item next starts or ends, or {@link Long#MAX_VALUE}
 */
public record PairState(String name, DatapointId sensor, DatapointId actuator, String problem, SetpointItem setpoint,
        ScheduleItem schedule, Object lastValue, String rule, String lastOutcome, long nextChange) {
}
