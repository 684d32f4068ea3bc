package org.bemgate.core.api.history;

/**
 * One point of a history query.
 *
 * @param timestamp epoch ms: the message's time, or the start of the interval when aggregated
 * @param value the value, {@link org.bemgate.core.api.Setpoint} or {@link org.bemgate.core.api.Schedule}
 *        as stored; for numeric aggregations a Double
 */
public record HistoryPoint(long timestamp, Object value) {
}
