package org.bemgate.webconsole.internal.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bemgate.webconsole.internal.api.Json;

/**
 * One live-stream client: a bounded queue filled by the hub without blocking, and a writer loop on
 * its own thread that sends the queued events in batches as Server-Sent Events frames
 * ({@code data: {"events": [...], "dropped": n}}). When the queue is full the oldest event is
 * dropped and counted; a client that stops reading only blocks its own writer thread.
 */
public final class SseClient implements Runnable {

    /** Where frames go: the response of an asynchronous servlet request. */
    public interface Sink {
        /**
         * @param frame bytes to send and flush
         * @throws IOException if the client went away
         */
        void send(byte[] frame) throws IOException;

        /** Ends the response. */
        void close();
    }

    private final EventFilter filter;
    private final int capacity;
    private final long batchMillis;
    private final long heartbeatMillis;
    private final Sink sink;
    private final Runnable onClose;
    private final ArrayDeque<ConsoleEvent> queue = new ArrayDeque<>();
    private long dropped;
    private boolean closed;

    SseClient(EventFilter filter, int capacity, long batchMillis, long heartbeatMillis, Sink sink, Runnable onClose) {
        this.filter = filter;
        this.capacity = capacity;
        this.batchMillis = batchMillis;
        this.heartbeatMillis = heartbeatMillis;
        this.sink = sink;
        this.onClose = onClose;
    }

    /**
     * Queues an event if the client wants it; never blocks for long.
     *
     * @param e the event
     */
    void offer(ConsoleEvent e) {
        if (!filter.accepts(e)) {
            return;
        }
        synchronized (queue) {
            if (closed) {
                return;
            }
            if (queue.size() >= capacity) {
                queue.pollFirst();
                dropped++;
            }
            queue.addLast(e);
            if (queue.size() == 1) {
                queue.notifyAll();
            }
        }
    }

    /** @return events dropped for this client so far */
    long dropped() {
        synchronized (queue) {
            return dropped;
        }
    }

    /** Stops the writer loop and ends the response. */
    void close() {
        synchronized (queue) {
            closed = true;
            queue.notifyAll();
        }
    }

    @Override
    public void run() {
        try {
            sink.send("retry: 3000\n\n".getBytes(StandardCharsets.UTF_8));
            send(List.of(new ConsoleEvent("hello", null, Map.of("type", "hello", "time", System.currentTimeMillis()))), 0);
            long lastSend = 0;
            while (true) {
                List<ConsoleEvent> batch;
                long droppedNow;
                synchronized (queue) {
                    long deadline = System.currentTimeMillis() + heartbeatMillis;
                    while (!closed && queue.isEmpty() && System.currentTimeMillis() < deadline) {
                        queue.wait(Math.max(1, deadline - System.currentTimeMillis()));
                    }
                    // Collect what else arrives within one batch interval into the same frame.
                    long batchEnd = Math.max(System.currentTimeMillis(), lastSend + batchMillis);
                    while (!closed && !queue.isEmpty() && System.currentTimeMillis() < batchEnd) {
                        queue.wait(Math.max(1, batchEnd - System.currentTimeMillis()));
                    }
                    if (closed) {
                        break;
                    }
                    batch = new ArrayList<>(queue);
                    queue.clear();
                    droppedNow = dropped;
                }
                if (batch.isEmpty()) {
                    sink.send(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                } else {
                    send(batch, droppedNow);
                    lastSend = System.currentTimeMillis();
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to report.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (queue) {
                closed = true;
                queue.clear();
            }
            sink.close();
            onClose.run();
        }
    }

    private void send(List<ConsoleEvent> batch, long droppedSoFar) throws IOException {
        List<Object> events = new ArrayList<>(batch.size());
        for (ConsoleEvent e : batch) {
            events.add(e.json());
        }
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("events", events);
        frame.put("dropped", droppedSoFar);
        byte[] json = Json.bytes(frame);
        byte[] out = new byte[json.length + 8];
        System.arraycopy("data: ".getBytes(StandardCharsets.US_ASCII), 0, out, 0, 6);
        System.arraycopy(json, 0, out, 6, json.length);
        out[out.length - 2] = '\n';
        out[out.length - 1] = '\n';
        sink.send(out);
    }
}
