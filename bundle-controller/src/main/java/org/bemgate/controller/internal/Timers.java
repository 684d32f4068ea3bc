package org.bemgate.controller.internal;

/** When item starts and ends are due: the gateway's scheduler, or a test's hand-driven clock. */
interface Timers {

    /** @return the current time, epoch ms */
    long now();

    /**
     * Runs a task at a time.
     *
     * @return cancels it
     */
    Runnable at(long time, Runnable task);
}
