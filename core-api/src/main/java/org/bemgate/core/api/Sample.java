package org.bemgate.core.api;

/**
 * A value for one datapoint, as a connector publishes it; used to publish many values at once.
 *
 * @param id the datapoint
 * @param value the value and its timestamp
 */
public record Sample(DatapointId id, Value value) {
}
