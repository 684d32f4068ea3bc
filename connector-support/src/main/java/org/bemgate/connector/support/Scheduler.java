package org.bemgate.connector.support;

/**
 * The single thread a connector runs on, with its clock. Everything a connector does runs
 * as a task here, so its state needs no locks; tests replace it with a virtual clock they advance.
 */
public interface Scheduler {

    /** A scheduled task that can be called off. */
    @FunctionalInterface
    interface Timer {
        /** Calls the task off if it has not run yet. */
        void cancel();
    }

    /** @return milliseconds on a clock that never jumps; only differences mean anything */
    long now();

    /**
     * Runs a task later on the scheduler's thread.
     *
     * @param task the task
     * @param delayMillis how long from now; 0 or less runs it as soon as possible
     * @return a handle to cancel it
     */
    Timer schedule(Runnable task, long delayMillis);

    /**
     * Runs a task on the scheduler's thread; callable from any thread. Tasks after {@link #close()} are dropped.
     *
     * @param task the task
     */
    void execute(Runnable task);

    /** Stops the thread and waits for the running task to end; pending tasks never run. */
    void close();
}
