package org.bemgate.mqtt.internal.bridge;

import static org.bemgate.mqtt.internal.bridge.BridgeFixture.CN;
import static org.bemgate.mqtt.internal.bridge.BridgeFixture.SETPOINT;
import static org.bemgate.mqtt.internal.bridge.BridgeFixture.TEMP;
import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.bemgate.mqtt.internal.FakeConnector;
import org.bemgate.mqtt.internal.Probe;
import org.bemgate.mqtt.internal.Wait;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * A broker restart: the bridge reconnects by itself, subscribes again, and delivers in order the
 * values produced while the broker was away; beyond the buffer the oldest are dropped and counted.
 */
public class BridgeReconnectTest {

    private static final String VALUES = CN + "/messages/1/value";
    private static final String ACTUATOR = CN + "/messages/2/value";
    private BridgeFixture f;

    @Before
    public void setUp() throws Exception {
        f = new BridgeFixture();
        f.bridge("bufferSize", 50, "reconnectMaxSeconds", 1);
        try (Probe api = new Probe(f.broker.uri())) {
            api.publish(CN + "/datapoint_map", "{\"sensor\": {\"" + TEMP + "\": \"" + VALUES + "\"}, \"actuator\": {\"" + ACTUATOR
                    + "\": \"" + SETPOINT + "\"}}", 2, true);
        }
        Wait.until(() -> f.metric("bemgate_mqtt_bridge_maps_total") == 1, "the map");
        Wait.until(() -> f.registry.get(BridgeFixture.id(TEMP)).get().active(), "the sensor to be active");
    }

    @After
    public void tearDown() {
        f.close();
    }

    /** Stops the broker, publishes {@code count} values from {@code first} on, starts it again; returns what a subscriber saw. */
    private List<String> outage(int first, int count, int expectedDelivered) throws Exception {
        f.timers.hold(); // the bridge reconnects only when the test has its subscriber ready
        f.broker.stop();
        Wait.until(() -> !f.bridge.session().isConnected(), "the bridge to notice the broker is gone");
        for (int i = first; i < first + count; i++) {
            f.publish(TEMP, (double) i, 1596240000000L + i);
        }
        int buffered = Math.min(count, 50);
        Wait.until(() -> f.bridge.session().buffered() == buffered, 20_000, () -> buffered + " values buffered, have "
                + f.bridge.session().buffered());
        f.broker.startAgain();
        Probe after = f.probe(VALUES);
        f.timers.release();
        return after.await(VALUES, expectedDelivered).stream().map(Probe.Received::payload).toList();
    }

    private static List<String> values(int from, int to) {
        List<String> v = new ArrayList<>();
        for (int i = from; i < to; i++) {
            v.add("{\"value\":" + (double) i + ",\"timestamp\":" + (1596240000000L + i) + "}");
        }
        return v;
    }

    @Test
    public void nothingIsLostWithinTheBufferAndTheBridgeSubscribesAgain() throws Exception {
        assertEquals(values(0, 30), outage(0, 30, 30));
        assertEquals(0, f.metric("bemgate_mqtt_bridge_dropped_total"), 0);
        assertEquals(2, f.metric("bemgate_mqtt_bridge_connects_total"), 0);

        // subscribed again: the BEMCom API's actuator values reach the device after the restart
        Wait.until(() -> f.bridge.session().unansweredSubscriptions() == 0, "the broker to answer the bridge's subscriptions");
        try (Probe api = new Probe(f.broker.uri())) {
            api.publish(ACTUATOR, "{\"value\": 21.0, \"timestamp\": " + System.currentTimeMillis() + "}", 0, false);
        }
        Wait.until(() -> !f.demo.writes.isEmpty(), "the actuator value after the restart");
        assertEquals(new FakeConnector.Write(SETPOINT, 21.0), f.demo.writes.get(0));
        // and everything a broker without persistence forgot is there again
        Probe late = f.probe(CN + "/available_datapoints");
        late.await(CN + "/available_datapoints", 1);
    }

    @Test
    public void beyondTheBufferTheOldestAreDroppedAndCounted() throws Exception {
        List<String> got = outage(1000, 80, 50);
        assertEquals("the newest 50, in order", values(1030, 1080), got);
        assertEquals(30, f.metric("bemgate_mqtt_bridge_dropped_total"), 0);
        Probe.Received retained = f.probe(VALUES).await(VALUES, 1).get(0);
        assertEquals("the retained value is the newest", values(1079, 1080).get(0), retained.payload());
    }
}
