package org.bemgate.mqtt.internal.client;

/**
 * One message to publish, numbered in the order it was handed to the session.
 *
 * @param seq the order
 * @param topic the topic
 * @param payload the bytes
 * @param qos 0, 1 or 2
 * @param retain whether the broker keeps it for later subscribers
 */
record Outgoing(long seq, String topic, byte[] payload, int qos, boolean retain) implements Comparable<Outgoing> {

    @Override
    public int compareTo(Outgoing o) {
        return Long.compare(seq, o.seq);
    }
}
