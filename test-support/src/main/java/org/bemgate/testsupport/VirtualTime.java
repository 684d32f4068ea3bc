package org.bemgate.testsupport;

import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bemgate.connector.support.Scheduler;

/**
 * A clock the test moves, and the schedulers of any number of connectors on it. Every task runs on
 * the test's thread, when the test calls {@link #runDue()}; tasks handed over by other threads
 * (a socket's receiver) wait in a queue until then.
 */
public final class VirtualTime {

    private final PriorityQueue<Task> timers = new PriorityQueue<>();
    private final ConcurrentLinkedQueue<Task> handedOver = new ConcurrentLinkedQueue<>();
    private long now = 1_000_000;
    private long sequence;

    private static final class Task implements Comparable<Task> {
        final View owner;
        final long at;
        final long order;
        final Runnable body;
        boolean cancelled;

        Task(View owner, long at, long order, Runnable body) {
            this.owner = owner;
            this.at = at;
            this.order = order;
            this.body = body;
        }

        @Override
        public int compareTo(Task o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }
    }

    /** One connector's scheduler; closing it drops its tasks only. */
    private final class View implements Scheduler {
        volatile boolean closed;

        @Override
        public long now() {
            return now;
        }

        @Override
        public Timer schedule(Runnable task, long delayMillis) {
            Task t = new Task(this, now + Math.max(0, delayMillis), sequence++, task);
            timers.add(t);
            return () -> t.cancelled = true;
        }

        @Override
        public void execute(Runnable task) {
            if (!closed) {
                handedOver.add(new Task(this, 0, 0, task));
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    public Scheduler newScheduler() {
        return new View();
    }

    public long now() {
        return now;
    }

    /** @return true if any task ran; runs every task that is due now, including those they schedule for now */
    public boolean runDue() {
        boolean ran = false;
        while (true) {
            Task t = handedOver.poll();
            if (t == null && !timers.isEmpty() && timers.peek().at <= now) {
                t = timers.poll();
            }
            if (t == null) {
                return ran;
            }
            if (!t.cancelled && !t.owner.closed) {
                t.body.run();
                ran = true;
            }
        }
    }

    /** Moves the clock to the next pending timer if it is due at or before {@code limit}; false if there is none. */
    public boolean advanceToNext(long limit) {
        while (!timers.isEmpty() && (timers.peek().cancelled || timers.peek().owner.closed)) {
            timers.poll();
        }
        if (timers.isEmpty() || timers.peek().at > limit) {
            return false;
        }
        now = Math.max(now, timers.peek().at);
        return true;
    }

    /** Moves the clock to {@code to} without running anything; tasks due by then run at the next {@link #runDue()}. */
    public void jumpTo(long to) {
        now = Math.max(now, to);
    }
}
