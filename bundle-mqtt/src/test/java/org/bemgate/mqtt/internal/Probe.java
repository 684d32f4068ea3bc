package org.bemgate.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A plain MQTT client for tests: records every message on its subscriptions and publishes what a
 * BEMCom API or a remote device would.
 */
public final class Probe implements AutoCloseable {

    /** One received message. */
    public record Received(String topic, String payload, boolean retained, int qos) {
    }

    private final MqttClient client;
    private final List<Received> received = new ArrayList<>();

    /** Connects anonymously to {@code uri}. */
    public Probe(String uri) throws MqttException {
        client = new MqttClient(uri, "probe-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(10_000);
        client.connect(o);
    }

    /** Subscribes with qos 2 and waits for the broker's answer; retained messages then arrive first. */
    public Probe subscribe(String... filters) throws MqttException {
        for (String f : filters) {
            client.subscribe(f, 2, (topic, m) -> {
                synchronized (received) {
                    received.add(new Received(topic, new String(m.getPayload(), StandardCharsets.UTF_8), m.isRetained(), m.getQos()));
                }
            });
        }
        return this;
    }

    /** Publishes and waits until the broker has it. */
    public void publish(String topic, String payload, int qos, boolean retain) throws MqttException {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(qos);
        m.setRetained(retain);
        client.publish(topic, m);
    }

    /** @return the messages received on a topic so far, oldest first */
    public List<Received> on(String topic) {
        synchronized (received) {
            return received.stream().filter(r -> r.topic().equals(topic)).collect(Collectors.toList());
        }
    }

    /** @return the payloads received on a topic so far */
    public List<String> payloads(String topic) {
        return on(topic).stream().map(Received::payload).collect(Collectors.toList());
    }

    /** @return every message received so far */
    public List<Received> all() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    /** Waits until {@code count} messages arrived on the topic; returns them. */
    public List<Received> await(String topic, int count) {
        Wait.until(() -> on(topic).size() >= count, Wait.LIMIT_MILLIS, () -> count + " messages on " + topic + ", got " + on(topic));
        return on(topic);
    }

    /** Waits for the first message on the topic whose payload contains {@code text}. */
    public Received awaitContaining(String topic, String text) {
        Wait.until(() -> on(topic).stream().anyMatch(r -> r.payload().contains(text)), Wait.LIMIT_MILLIS,
                () -> "a message containing " + text + " on " + topic + ", got " + on(topic));
        return on(topic).stream().filter(r -> r.payload().contains(text)).findFirst().orElseThrow();
    }

    /** Forgets what was received. */
    public void clear() {
        synchronized (received) {
            received.clear();
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
            client.close();
        } catch (MqttException e) {
            // the broker may be gone already
        }
    }
}
