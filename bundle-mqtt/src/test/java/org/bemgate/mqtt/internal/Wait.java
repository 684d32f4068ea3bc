package org.bemgate.mqtt.internal;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for conditions over real time with generous limits, so a slow machine only makes tests slower. */
public final class Wait {

    /** The default limit: far beyond what loopback needs. */
    public static final long LIMIT_MILLIS = 20_000;

    private Wait() {
    }

    /** Waits until the condition holds; fails naming {@code what} after the default limit. */
    public static void until(BooleanSupplier condition, String what) {
        until(condition, LIMIT_MILLIS, () -> what);
    }

    /** Waits until the condition holds; fails with the described state after {@code millis}. */
    public static void until(BooleanSupplier condition, long millis, Supplier<String> what) {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + millis + " ms waiting for " + what.get());
            }
            sleep(5);
        }
    }

    /** Sleeps; for "nothing more arrives" checks only, never to wait for something to happen. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
