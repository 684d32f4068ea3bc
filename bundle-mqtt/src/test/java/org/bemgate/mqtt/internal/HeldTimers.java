package org.bemgate.mqtt.internal;

import java.util.ArrayList;
import java.util.List;

import org.bemgate.connector.support.ExecutorScheduler;
import org.bemgate.connector.support.Scheduler;

/**
 * A real scheduler whose long timers (reconnect pauses, periodic looks, heartbeats) the test can hold
 * back and release, so it decides when a session reconnects; short ones and hand-overs run as usual.
 */
public final class HeldTimers implements Scheduler {

    private static final long LONG_MILLIS = 500;

    private final ExecutorScheduler real;
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;

    public HeldTimers(String threadName) {
        real = new ExecutorScheduler(threadName);
    }

    /** From now on, timers of half a second or more wait for {@link #release()}. */
    public synchronized void hold() {
        holding = true;
    }

    /** Runs every held timer now and stops holding. */
    public void release() {
        List<Runnable> due;
        synchronized (this) {
            holding = false;
            due = new ArrayList<>(held);
            held.clear();
        }
        due.forEach(real::execute);
    }

    @Override
    public long now() {
        return real.now();
    }

    @Override
    public Timer schedule(Runnable task, long delayMillis) {
        synchronized (this) {
            if (holding && delayMillis >= LONG_MILLIS) {
                boolean[] cancelled = { false };
                Runnable r = () -> {
                    if (!cancelled[0]) {
                        task.run();
                    }
                };
                held.add(r);
                return () -> cancelled[0] = true;
            }
        }
        return real.schedule(task, delayMillis);
    }

    @Override
    public void execute(Runnable task) {
        real.execute(task);
    }

    @Override
    public void close() {
        real.close();
    }
}
