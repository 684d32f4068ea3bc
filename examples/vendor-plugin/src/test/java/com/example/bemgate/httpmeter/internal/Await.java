package com.example.bemgate.httpmeter.internal;

import static org.junit.Assert.fail;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a generous limit, so tests never depend on how fast the machine is. */
public final class Await {

    private static final long LIMIT_MILLIS = 20_000;

    private Await() {
    }

    /** Waits until the condition holds; fails naming it and what was seen after the limit. */
    public static void until(String what, BooleanSupplier condition, Supplier<Object> seen) throws InterruptedException {
        long end = System.nanoTime() + LIMIT_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("not " + what + " within " + LIMIT_MILLIS + " ms; seen: " + seen.get());
            }
            Thread.sleep(5);
        }
    }
}
