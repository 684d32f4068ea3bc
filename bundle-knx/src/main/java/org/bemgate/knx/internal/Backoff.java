package org.bemgate.knx.internal;

/** Pauses between reconnection attempts: the first is short, each next one twice as long, up to a ceiling. */
final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    private long next;

    /**
     * @param minMillis the first pause
     * @param maxMillis the longest pause
     */
    Backoff(long minMillis, long maxMillis) {
        this.minMillis = minMillis;
        this.maxMillis = Math.max(minMillis, maxMillis);
        this.next = minMillis;
    }

    /** @return the pause before the next attempt; the one after will be twice as long, up to the ceiling */
    long next() {
        long now = next;
        next = Math.min(maxMillis, next * 2);
        return now;
    }

    /** Starts again from the first pause, after a success. */
    void reset() {
        next = minMillis;
    }
}
