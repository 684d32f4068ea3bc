package org.bemgate.core.api;

import java.util.List;

/**
 * A setpoint message: what the user wants from an actuator over time, as BEMCom's
 * {@code {"setpoint": [...], "timestamp": ...}}. Actuators only.
 *
 * @param items the periods, in any order; may be empty
 * @param timestamp epoch milliseconds when the setpoint was created
 */
public record Setpoint(List<SetpointItem> items, long timestamp) {

    /** Copies {@code items} so the message stays immutable. */
    public Setpoint {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
