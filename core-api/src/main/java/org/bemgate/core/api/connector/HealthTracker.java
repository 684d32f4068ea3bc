package org.bemgate.core.api.connector;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A thread-safe holder of a connector's health that a connector implementation updates as it works
 * and snapshots in {@link Connector#health()}. Optional: connectors may track health any way they like.
 */
public final class HealthTracker {

    private final LongSupplier clock;
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private volatile ConnectorStatus status = ConnectorStatus.STARTING;
    private volatile String reason = "";
    private volatile long since;
    private volatile long lastGoodExchange;

    /** Creates a tracker in state {@link ConnectorStatus#STARTING} on the system clock. */
    public HealthTracker() {
        this(System::currentTimeMillis);
    }

    /** @param clock the source of epoch milliseconds, replaceable in tests */
    public HealthTracker(LongSupplier clock) {
        this.clock = clock;
        this.since = clock.getAsLong();
    }

    /**
     * Sets the status and reason.
     *
     * @param newStatus the state
     * @param newReason why, for an operator; null for none
     * @return true if the status or reason changed (so the caller logs only changes)
     */
    public synchronized boolean set(ConnectorStatus newStatus, String newReason) {
        String r = newReason == null ? "" : newReason;
        if (newStatus == status && r.equals(reason)) {
            return false;
        }
        if (newStatus != status) {
            since = clock.getAsLong();
        }
        status = newStatus;
        reason = r;
        return true;
    }

    /** Records a successful exchange with the device now. */
    public void goodExchange() {
        lastGoodExchange = clock.getAsLong();
    }

    /**
     * Adds one to a counter.
     *
     * @param counter its name, such as {@code polls}
     */
    public void increment(String counter) {
        counters.computeIfAbsent(counter, c -> new AtomicLong()).incrementAndGet();
    }

    /**
     * @param counter a counter name
     * @return its value, 0 if never incremented
     */
    public long count(String counter) {
        AtomicLong c = counters.get(counter);
        return c == null ? 0 : c.get();
    }

    /** @return the current status */
    public ConnectorStatus status() {
        return status;
    }

    /** @return an immutable snapshot */
    public synchronized ConnectorHealth snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((k, v) -> copy.put(k, v.get()));
        return new ConnectorHealth(status, reason, since, lastGoodExchange, copy);
    }
}
