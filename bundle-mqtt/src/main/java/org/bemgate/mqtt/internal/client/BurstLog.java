package org.bemgate.mqtt.internal.client;

import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * Logs the first of a burst of similar problems and counts the rest: another line only after
 * {@code quietMillis} have passed, saying how many were not logged in between. Thread-safe.
 */
public final class BurstLog {

    private final Logger logger;
    private final LongSupplier clock;
    private final long quietMillis;
    private long lastLogged = Long.MIN_VALUE;
    private long suppressed;

    /**
     * @param logger where to log
     * @param clock milliseconds
     * @param quietMillis the pause after a logged line during which similar lines are only counted
     */
    public BurstLog(Logger logger, LongSupplier clock, long quietMillis) {
        this.logger = logger;
        this.clock = clock;
        this.quietMillis = quietMillis;
    }

    /**
     * Logs a warning unless one was logged less than the quiet time ago.
     *
     * @param format an slf4j format
     * @param args its arguments
     * @return true if the line was logged
     */
    public boolean warn(String format, Object... args) {
        long now = clock.getAsLong();
        long skipped;
        synchronized (this) {
            if (lastLogged != Long.MIN_VALUE && now - lastLogged < quietMillis) {
                suppressed++;
                return false;
            }
            lastLogged = now;
            skipped = suppressed;
            suppressed = 0;
        }
        if (skipped > 0) {
            logger.warn(format + " ({} similar problems not logged since the last line)", append(args, skipped));
        } else {
            logger.warn(format, args);
        }
        return true;
    }

    private static Object[] append(Object[] args, Object extra) {
        Object[] out = new Object[args.length + 1];
        System.arraycopy(args, 0, out, 0, args.length);
        out[args.length] = extra;
        return out;
    }
}
