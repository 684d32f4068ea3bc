package org.bemgate.ocpp.internal;

/**
 * Lets one line through per minute for a kind of trouble (malformed frames, refused handshakes), so
 * a misbehaving charge point cannot flood the log; the line says how many were held back.
 */
final class BurstLog {

    private static final long WINDOW_NANOS = 60_000_000_000L;

    private long windowStart;
    private boolean started;
    private long held;

    /** @return -1 to stay quiet, else how many were held back since the last line */
    synchronized long admit() {
        long now = System.nanoTime();
        if (!started || now - windowStart >= WINDOW_NANOS) {
            started = true;
            windowStart = now;
            long h = held;
            held = 0;
            return h;
        }
        held++;
        return -1;
    }
}
