package org.bemgate.core.internal.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener's own bounded queue and delivery thread, so a slow or failing listener never delays
 * publishers or other listeners. Publishers only enqueue (lock-free); the thread delivers batches.
 * When the queue is full the oldest events are dropped and counted.
 */
final class ListenerHandle {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerHandle.class);
    private static final int MAX_BATCH = 4096;
    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final DatapointListener listener;
    private final ListenerFilter filter;
    private final int capacity;
    private final ConcurrentLinkedQueue<DatapointEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;
    private volatile boolean parked;
    private volatile boolean running = true;
    /** Set while a batch is being handed to the listener, so drain() knows it is not done yet. */
    private volatile boolean delivering;
    private long lastDropLog;
    private long droppedAtLastLog;
    private long lastFailureLog;

    ListenerHandle(DatapointListener listener, ListenerFilter filter, int capacity) {
        this.listener = listener;
        this.filter = filter;
        this.capacity = capacity;
        this.thread = new Thread(this::run, "bemgate-listener-" + listener.getClass().getSimpleName());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    DatapointListener listener() {
        return listener;
    }

    ListenerFilter filter() {
        return filter;
    }

    /** Enqueues an event; never blocks. */
    void offer(DatapointEvent event) {
        queue.offer(event);
        if (size.incrementAndGet() > capacity && queue.poll() != null) {
            size.decrementAndGet();
            dropped.incrementAndGet();
        }
        if (parked) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Waits until every event offered before the call has been handed to the listener.
     *
     * @return true if that happened within the timeout
     */
    boolean drain(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (size.get() > 0 || delivering) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.unpark(thread);
            LockSupport.parkNanos(200_000);
        }
        return true;
    }

    long delivered() {
        return delivered.get();
    }

    long dropped() {
        return dropped.get();
    }

    long failures() {
        return failures.get();
    }

    int queued() {
        return size.get();
    }

    /** Stops the thread; events still queued are discarded. */
    void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Listener {} did not return within 5 s of being removed; its thread is left to finish",
                    listener.getClass().getName());
            thread.interrupt();
        }
    }

    boolean isThreadAlive() {
        return thread.isAlive();
    }

    private void run() {
        List<DatapointEvent> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            delivering = true;
            DatapointEvent e;
            while (batch.size() < MAX_BATCH && (e = queue.poll()) != null) {
                batch.add(e);
            }
            if (batch.isEmpty()) {
                delivering = false;
                parked = true;
                if (queue.isEmpty() && running) {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
                }
                parked = false;
                continue;
            }
            size.addAndGet(-batch.size());
            deliver(batch);
            batch.clear();
            delivering = false;
            logDrops();
        }
    }

    private void deliver(List<DatapointEvent> batch) {
        try {
            listener.onEvents(batch);
            delivered.addAndGet(batch.size());
        } catch (RuntimeException | LinkageError ex) {
            long n = failures.incrementAndGet();
            long now = System.nanoTime();
            if (n == 1 || now - lastFailureLog > LOG_INTERVAL_NANOS) {
                lastFailureLog = now;
                LOG.warn("Listener {} failed on a batch of {} events ({} failures so far); it keeps receiving events",
                        listener.getClass().getName(), batch.size(), n, ex);
            }
        }
    }

    private void logDrops() {
        long d = dropped.get();
        long now = System.nanoTime();
        if (d != droppedAtLastLog && now - lastDropLog > LOG_INTERVAL_NANOS) {
            LOG.warn("Listener {} falls behind: {} oldest events dropped since the last report ({} in all); "
                    + "it keeps the newest {}", listener.getClass().getName(), d - droppedAtLastLog, d, capacity);
            droppedAtLastLog = d;
            lastDropLog = now;
        }
    }
}
