package org.bemgate.webconsole.internal.events;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fans events out to the live-stream clients. Publishing only copies references into each client's
 * bounded queue, so the registry's listener thread is never held up by a client.
 */
public final class EventHub {

    private final int bufferSize;
    private final long batchMillis;
    private final long heartbeatMillis;
    private final int maxClients;
    private final Set<SseClient> clients = new CopyOnWriteArraySet<>();
    private final AtomicLong droppedByClosed = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final ThreadPoolExecutor writers;

    /**
     * @param bufferSize events queued per client
     * @param batch how often a client gets a frame at most
     * @param heartbeat how long a quiet stream waits before a keep-alive comment
     * @param maxClients clients at once
     */
    public EventHub(int bufferSize, Duration batch, Duration heartbeat, int maxClients) {
        this.bufferSize = bufferSize;
        this.batchMillis = batch.toMillis();
        this.heartbeatMillis = heartbeat.toMillis();
        this.maxClients = maxClients;
        AtomicInteger n = new AtomicInteger();
        this.writers = new ThreadPoolExecutor(0, maxClients, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "bemgate-webconsole-sse-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts streaming to a client on a writer thread of the hub.
     *
     * @param filter what the client wants
     * @param sink where its frames go
     * @return false if the hub has as many clients as allowed (the caller answers 503)
     */
    public boolean open(EventFilter filter, SseClient.Sink sink) {
        if (clients.size() >= maxClients) {
            return false;
        }
        SseClient[] self = new SseClient[1];
        SseClient c = new SseClient(filter, bufferSize, batchMillis, heartbeatMillis, sink, () -> {
            if (clients.remove(self[0])) {
                droppedByClosed.addAndGet(self[0].dropped());
            }
        });
        self[0] = c;
        clients.add(c);
        try {
            writers.execute(c);
            return true;
        } catch (RejectedExecutionException e) {
            clients.remove(c);
            return false;
        }
    }

    /** @param e an event for every client that wants it */
    public void publish(ConsoleEvent e) {
        published.incrementAndGet();
        for (SseClient c : clients) {
            c.offer(e);
        }
    }

    /** @param events events in order */
    public void publishAll(List<ConsoleEvent> events) {
        if (clients.isEmpty()) {
            published.addAndGet(events.size());
            return;
        }
        for (ConsoleEvent e : events) {
            publish(e);
        }
    }

    /** @return connected clients */
    public int clients() {
        return clients.size();
    }

    /** @return events dropped for slow clients since start */
    public long dropped() {
        long d = droppedByClosed.get();
        for (SseClient c : clients) {
            d += c.dropped();
        }
        return d;
    }

    /** @return events published since start */
    public long published() {
        return published.get();
    }

    /** Ends every stream and stops the writer threads. */
    public void close() {
        for (SseClient c : clients) {
            c.close();
        }
        writers.shutdown();
        try {
            writers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writers.shutdownNow();
    }
}
