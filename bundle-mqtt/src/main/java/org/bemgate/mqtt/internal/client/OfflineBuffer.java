package org.bemgate.mqtt.internal.client;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Messages waiting for the broker, oldest first, bounded: when full, the oldest is dropped and
 * counted. Messages carry a sequence number so one handed back after a failed send takes its old
 * place, and a retained topic ends with its newest value. Not thread-safe: the session locks it.
 */
final class OfflineBuffer {

    private final PriorityQueue<Outgoing> queue = new PriorityQueue<>();
    private final int capacity;
    private long dropped;

    OfflineBuffer(int capacity) {
        this.capacity = Math.max(0, capacity);
    }

    /** Adds a message, dropping the oldest when over capacity. */
    void add(Outgoing m) {
        queue.add(m);
        while (queue.size() > capacity) {
            queue.poll();
            dropped++;
        }
    }

    /** @return all messages, oldest first, leaving the buffer empty */
    List<Outgoing> drain() {
        List<Outgoing> out = new ArrayList<>(queue.size());
        Outgoing m;
        while ((m = queue.poll()) != null) {
            out.add(m);
        }
        return out;
    }

    int size() {
        return queue.size();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** @return messages dropped because the buffer was full, since start */
    long dropped() {
        return dropped;
    }
}
