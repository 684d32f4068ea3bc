package org.bemgate.core.internal.registry;

import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.Value;

/**
 * The registry's mutable record of one datapoint. Fields are volatile so readers never lock;
 * writers of metadata and activation synchronise on the entry.
 */
final class DatapointEntry {

    final long number;
    volatile DatapointMetadata metadata;
    volatile boolean active;
    volatile Value value;
    volatile Setpoint setpoint;
    volatile Schedule schedule;
    /** The listeners that want this datapoint's events; null when it must be worked out again. */
    volatile ListenerHandle[] subscribers;
    /** Latest messages not yet written to the database. */
    volatile boolean dirty;

    DatapointEntry(long number, DatapointMetadata metadata, boolean active) {
        this.number = number;
        this.metadata = metadata;
        this.active = active;
    }

    Datapoint snapshot() {
        return new Datapoint(metadata, number, active, value, setpoint, schedule);
    }
}
