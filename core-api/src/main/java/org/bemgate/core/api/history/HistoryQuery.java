package org.bemgate.core.api.history;

import java.util.Objects;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.MessageKind;

/**
 * A history query: one datapoint, one kind of message, a half-open time range {@code [from, to)}.
 *
 * @param id the datapoint
 * @param kind values, setpoints or schedules
 * @param from epoch ms, inclusive
 * @param to epoch ms, exclusive
 * @param intervalMillis 0 for raw points, else the length of the aggregation interval in ms;
 *        intervals start at multiples of it since the epoch
 * @param aggregation how to combine an interval (ignored for raw points; only {@link Aggregation#LAST}
 *        applies to setpoints and schedules)
 * @param limit the most points to return, oldest first; 0 for the store's own limit
 */
public record HistoryQuery(DatapointId id, MessageKind kind, long from, long to, long intervalMillis,
        Aggregation aggregation, int limit) {

    /** Checks the parameters. */
    public HistoryQuery {
        Objects.requireNonNull(id, "id");
        kind = kind == null ? MessageKind.VALUE : kind;
        aggregation = aggregation == null ? Aggregation.AVG : aggregation;
        if (to < from) {
            throw new IllegalArgumentException("history range ends (" + to + ") before it starts (" + from + ")");
        }
        if (intervalMillis < 0 || limit < 0) {
            throw new IllegalArgumentException("interval and limit must not be negative");
        }
    }

    /**
     * @param id the datapoint
     * @param from epoch ms, inclusive
     * @param to epoch ms, exclusive
     * @return a query of raw values
     */
    public static HistoryQuery values(DatapointId id, long from, long to) {
        return new HistoryQuery(id, MessageKind.VALUE, from, to, 0, null, 0);
    }
}
