package org.bemgate.mqtt.internal.bridge;

import static org.bemgate.mqtt.internal.bridge.BridgeFixture.CN;
import static org.bemgate.mqtt.internal.bridge.BridgeFixture.COIL;
import static org.bemgate.mqtt.internal.bridge.BridgeFixture.SETPOINT;
import static org.bemgate.mqtt.internal.bridge.BridgeFixture.TEMP;
import static org.bemgate.mqtt.internal.bridge.BridgeFixture.id;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.bemgate.mqtt.internal.FakeConnector;
import org.bemgate.mqtt.internal.Probe;
import org.bemgate.mqtt.internal.Probe.Received;
import org.bemgate.mqtt.internal.Wait;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Without a BEMCom API: the bridge publishes each connector's map from bemgate's activation and numbers, and follows it. */
public class OwnDatapointMapTest {

    private BridgeFixture f;

    @Before
    public void setUp() throws Exception {
        f = new BridgeFixture();
    }

    @After
    public void tearDown() {
        f.close();
    }

    private String topic(String key) {
        return CN + "/messages/" + f.registry.get(id(key)).get().number() + "/value";
    }

    @Test
    public void theMapFollowsActivationAndAnyConsumerCanUseIt() throws Exception {
        f.registry.setActive(List.of(id(TEMP), id(SETPOINT)), true);
        f.bridge("publishDatapointMap", true);
        String mapTopic = CN + "/datapoint_map";
        Probe p = f.probe(mapTopic, CN + "/messages/+/value");
        Received map = p.await(mapTopic, 1).get(0);
        assertEquals("{\"sensor\":{\"" + TEMP + "\":\"" + topic(TEMP) + "\"},\"actuator\":{\"" + topic(SETPOINT) + "\":\"" + SETPOINT
                + "\"}}", map.payload());
        assertTrue("retained, as BEMCom's API publishes it", map.retained());
        assertEquals(2, map.qos());

        f.publish(TEMP, 20.5, 1596240000000L);
        assertEquals("{\"value\":20.5,\"timestamp\":1596240000000}", p.await(topic(TEMP), 1).get(0).payload());
        Wait.until(() -> f.bridge.session().unansweredSubscriptions() == 0, "the broker to answer the bridge's subscriptions");
        p.publish(topic(SETPOINT), "{\"value\": 22, \"timestamp\": " + System.currentTimeMillis() + "}", 0, false);
        Wait.until(() -> !f.demo.writes.isEmpty(), "the consumer's actuator value to be written");
        assertEquals(new FakeConnector.Write(SETPOINT, 22L), f.demo.writes.get(0));

        f.registry.setActive(List.of(id(COIL)), true);
        Received changed = p.await(mapTopic, 2).get(1);
        assertTrue(changed.payload(), changed.payload().contains("\"" + COIL + "\":\"" + topic(COIL) + "\""));
        f.publish(COIL, true, 1596240000000L);
        assertEquals("{\"value\":true,\"timestamp\":1596240000000}", p.await(topic(COIL), 1).get(0).payload());

        f.registry.setActive(List.of(id(TEMP)), false);
        Received smaller = p.await(mapTopic, 3).get(2);
        assertTrue(smaller.payload(), !smaller.payload().contains(TEMP));
    }
}
