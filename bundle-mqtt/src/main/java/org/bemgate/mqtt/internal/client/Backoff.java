package org.bemgate.mqtt.internal.client;

/** Pauses between connection attempts: doubling from {@code first} up to {@code max}, back to {@code first} after a success. */
public final class Backoff {

    private final long first;
    private final long max;
    private long next;

    /**
     * @param firstMillis the first pause
     * @param maxMillis the longest pause
     */
    public Backoff(long firstMillis, long maxMillis) {
        this.first = Math.max(1, firstMillis);
        this.max = Math.max(this.first, maxMillis);
        this.next = this.first;
    }

    /** @return the pause before the next attempt; each call doubles the following one */
    public long nextDelay() {
        long d = next;
        next = Math.min(max, next * 2);
        return d;
    }

    /** Starts over after a successful connection. */
    public void reset() {
        next = first;
    }
}
