package org.bemgate.controller.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock the test moves by hand; due tasks run as it passes them. */
final class ManualTimers implements Timers {

    private record Task(long time, Runnable run, boolean[] cancelled) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private long now;

    ManualTimers(long start) {
        this.now = start;
    }

    @Override
    public synchronized long now() {
        return now;
    }

    @Override
    public synchronized Runnable at(long time, Runnable run) {
        Task t = new Task(time, run, new boolean[1]);
        tasks.add(t);
        return () -> t.cancelled[0] = true;
    }

    /** Moves the clock to {@code time}, running every task due on the way, in time order. */
    void advanceTo(long time) {
        while (true) {
            Task next;
            synchronized (this) {
                tasks.removeIf(t -> t.cancelled[0]);
                next = tasks.stream().filter(t -> t.time <= time).min(Comparator.comparingLong(Task::time)).orElse(null);
                if (next == null) {
                    now = time;
                    return;
                }
                tasks.remove(next);
                now = Math.max(now, next.time);
            }
            next.run.run();
        }
    }
}
