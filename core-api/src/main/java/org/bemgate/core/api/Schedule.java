package org.bemgate.core.api;

import java.util.List;

/**
 * A schedule message: the values an actuator should take over time, as BEMCom's
 * {@code {"schedule": [...], "timestamp": ...}}. Actuators only.
 *
 * @param items the periods; may be empty
 * @param timestamp epoch milliseconds when the schedule was created
 */
public record Schedule(List<ScheduleItem> items, long timestamp) {

    /** Copies {@code items} so the message stays immutable. */
    public Schedule {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
