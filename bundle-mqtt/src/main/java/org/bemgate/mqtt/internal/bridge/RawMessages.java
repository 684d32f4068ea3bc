package org.bemgate.mqtt.internal.bridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bemgate.connector.support.Scheduler;

/**
 * Groups sensor values into BEMCom raw messages: the values of one connector with one timestamp came
 * from one exchange with the device, so they form one raw message. A group is sent when a value with
 * another timestamp arrives for its connector, or when no value joined it for {@value #LINGER_MILLIS} ms.
 * Thread-safe: values come from the registry's listener thread, the linger ends on the bridge's scheduler.
 */
final class RawMessages {

    /** How long a group waits for more values of the same exchange. */
    static final long LINGER_MILLIS = 100;

    /** Where a finished group goes. */
    @FunctionalInterface
    interface Sink {
        void send(String connector, long timestamp, Map<String, Object> values);
    }

    private record Group(String connector, long timestamp, Map<String, Object> values) {
    }

    private final Scheduler scheduler;
    private final Sink sink;
    private final Map<String, Group> open = new LinkedHashMap<>();
    private boolean flushScheduled;

    RawMessages(Scheduler scheduler, Sink sink) {
        this.scheduler = scheduler;
        this.sink = sink;
    }

    /** Adds one value; sends the connector's open group first if it belongs to another exchange. */
    synchronized void add(String connector, long timestamp, String key, Object value) {
        Group g = open.get(connector);
        if (g != null && g.timestamp() != timestamp) {
            open.remove(connector);
            sink.send(g.connector(), g.timestamp(), g.values());
            g = null;
        }
        if (g == null) {
            g = new Group(connector, timestamp, new LinkedHashMap<>());
            open.put(connector, g);
        }
        g.values().put(key, value);
    }

    /** Sends the open groups after the linger time, unless that is planned already. */
    synchronized void lingerThenFlush() {
        if (!open.isEmpty() && !flushScheduled) {
            flushScheduled = true;
            scheduler.schedule(this::flush, LINGER_MILLIS);
        }
    }

    private void flush() {
        List<Group> due;
        synchronized (this) {
            flushScheduled = false;
            due = new ArrayList<>(open.values());
            open.clear();
        }
        due.forEach(g -> sink.send(g.connector(), g.timestamp(), g.values()));
    }
}
