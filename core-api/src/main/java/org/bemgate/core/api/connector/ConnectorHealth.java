package org.bemgate.core.api.connector;

import java.util.Map;

/**
 * A snapshot of a connector's health.
 *
 * @param status the state
 * @param reason why it is in that state, for an operator; empty when all is well
 * @param since epoch ms when the status last changed
 * @param lastGoodExchange epoch ms of the last successful exchange with the device, 0 if none yet
 * @param counters named counters, such as {@code polls}, {@code errors}, {@code writes}; unmodifiable
 */
public record ConnectorHealth(ConnectorStatus status, String reason, long since, long lastGoodExchange,
        Map<String, Long> counters) {

    /** Copies the counters so the snapshot stays immutable. */
    public ConnectorHealth {
        reason = reason == null ? "" : reason;
        counters = counters == null ? Map.of() : Map.copyOf(counters);
    }
}
