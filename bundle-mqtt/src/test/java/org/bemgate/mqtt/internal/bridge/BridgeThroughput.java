package org.bemgate.mqtt.internal.bridge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bemgate.connector.support.ExecutorScheduler;
import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.Sample;
import org.bemgate.core.api.Value;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.mqtt.internal.FakeConnector;
import org.bemgate.mqtt.internal.client.BrokerSettings;
import org.bemgate.mqtt.internal.codec.BemcomJson;
import org.bemgate.testsupport.Mosquitto;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Value messages per second from the bridge to a Mosquitto on loopback, next to a bare Paho loop
 * publishing the same number of messages of the same size and QoS (0, retained, as sensor values go)
 * in the same run. Each measurement ends when a qos 1 message sent after the burst is acknowledged,
 * so the broker has read everything before it. Prints figures; never judges them.
 *
 * <p>Run: {@code mvn -pl bundle-mqtt test -Dtest=BridgeBenchmark -Dbenchmark=true}, or {@link #main}
 * from the test classpath (the module's test-jar).
 */
public final class BridgeThroughput {

    /** One run's figures. */
    public record Figures(int messages, int payloadBytes, double bridgePerSecond, double barePerSecond) {
        /** @return bridge rate / bare Paho rate */
        public double ratio() {
            return bridgePerSecond / barePerSecond;
        }

        @Override
        public String toString() {
            return String.format("MQTT value messages to Mosquitto on loopback (%d messages of %d bytes, qos 0, retained): "
                    + "bridge %,.0f msg/s, bare Paho %,.0f msg/s, bridge/bare %.2f", messages, payloadBytes, bridgePerSecond,
                    barePerSecond, ratio());
        }
    }

    private static final int SENSORS = 100;
    private static final long TS = 1596240000000L;

    private BridgeThroughput() {
    }

    /** Prints the median of 3 rounds of 200,000 messages, after a warm-up. */
    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.println(measure(messages, rounds));
    }

    /**
     * Starts a Mosquitto, measures bare Paho and the bridge alternately, {@code rounds} times each after one
     * warm-up round, and returns the medians.
     */
    public static Figures measure(int messages, int rounds) throws Exception {
        byte[] payload = BemcomJson.value(new Value(1234.5, TS));
        try (Mosquitto broker = Mosquitto.start()) {
            double[] bare = new double[rounds];
            double[] bridge = new double[rounds];
            bare(broker, Math.min(messages, 50_000), payload);
            bridge(broker, Math.min(messages, 50_000));
            for (int r = 0; r < rounds; r++) {
                bare[r] = bare(broker, messages, payload);
                bridge[r] = bridge(broker, messages);
            }
            return new Figures(messages, payload.length, median(bridge), median(bare));
        }
    }

    /** A bare Paho loop: the same topics, size and qos, as fast as Paho takes them. */
    static double bare(Mosquitto broker, int messages, byte[] payload) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(broker.uri(), "bench-bare-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        c.connect(o).waitForCompletion(10_000);
        String[] topics = new String[SENSORS];
        for (int i = 0; i < SENSORS; i++) {
            topics[i] = "bare/messages/" + (i + 1) + "/value";
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            c.publish(topics[i % SENSORS], payload, 0, true);
        }
        fence(c);
        long t = System.nanoTime() - t0;
        c.disconnect().waitForCompletion(10_000);
        c.close();
        return messages / (t / 1e9);
    }

    /** The bridge: a connector publishes polls of 100 sensors to the registry; the bridge sends each value to its mapped topic. */
    static double bridge(Mosquitto broker, int messages) throws Exception {
        DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, messages + 10_000);
        List<DatapointMetadata> meta = new ArrayList<>();
        List<DatapointId> ids = new ArrayList<>();
        for (int i = 0; i < SENSORS; i++) {
            DatapointId id = DatapointId.of("bench", "read_input_registers__1__" + i);
            ids.add(id);
            meta.add(DatapointMetadata.builder(id, DatapointType.SENSOR).dataFormat(DataFormat.GENERIC_NUMERIC).build());
        }
        registry.register("bench", meta);
        registry.setActive(ids, true);
        registry.addConnector(new FakeConnector("bench"));
        BrokerSettings settings = BrokerSettings.check(broker.host(), broker.port(), false, "", "", "", "", "bench-bridge-", 60, 1);
        BemcomBridge bridge = new BemcomBridge(registry, settings, new BridgeOptions("", false, 10_000, 30_000, true, false),
                new ExecutorScheduler("bench-bridge"), System::currentTimeMillis, c -> "bench", (listener, props) -> {
                    registry.addListener(listener, props);
                    return () -> registry.removeListener(listener);
                });
        try {
            bridge.start();
            // the own map is published and followed: every sensor is mapped
            long deadline = System.currentTimeMillis() + 20_000;
            while (metric(bridge, "bemgate_mqtt_bridge_maps_total") < 1 || !bridge.session().isConnected()) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("the bridge did not connect and take its map");
                }
                Thread.sleep(10);
            }
            Thread.sleep(200);
            double before = metric(bridge, "bemgate_mqtt_bridge_values_published_total");
            long t0 = System.nanoTime();
            List<Sample> poll = new ArrayList<>(SENSORS);
            for (int i = 0; i < messages; i += SENSORS) {
                poll.clear();
                for (int k = 0; k < SENSORS && i + k < messages; k++) {
                    poll.add(new Sample(ids.get(k), new Value(1000.0 + (i + k) % 1000, TS + i)));
                }
                registry.publishAll(poll);
            }
            while (metric(bridge, "bemgate_mqtt_bridge_values_published_total") - before < messages) {
                if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(120)) {
                    throw new IllegalStateException("the bridge did not publish every value within 120 s (registry dropped events?)");
                }
                Thread.onSpinWait();
            }
            bridge.session().publishNow("bench/fence", new byte[] { 1 }, 1, false).toCompletableFuture().get(60, TimeUnit.SECONDS);
            long t = System.nanoTime() - t0;
            return messages / (t / 1e9);
        } finally {
            bridge.close();
            registry.close();
        }
    }

    /** A qos 1 message after the burst: its acknowledgement means the broker has read everything before it. */
    private static void fence(MqttAsyncClient c) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Void> failure = new CompletableFuture<>();
        c.publish("bench/fence", new byte[] { 1 }, 1, false, null, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                done.countDown();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                failure.completeExceptionally(e);
                done.countDown();
            }
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the fence was not acknowledged within 60 s");
        }
        if (failure.isCompletedExceptionally()) {
            failure.join();
        }
    }

    private static double metric(BemcomBridge bridge, String name) {
        return bridge.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().value();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
