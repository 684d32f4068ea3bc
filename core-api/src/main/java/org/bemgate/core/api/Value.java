package org.bemgate.core.api;

/**
 * A value message: a JSON value and the time it was measured or commanded, as BEMCom's
 * {@code {"value": ..., "timestamp": ...}}.
 *
 * @param value the JSON value: null, Boolean, Number, String, List or Map
 * @param timestamp epoch milliseconds: for sensors when the connector received the raw data, for
 *        actuators when the writer created the message
 */
public record Value(Object value, long timestamp) {
}
