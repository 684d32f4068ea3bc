package org.bemgate.mqtt.internal.bridge;

import static org.bemgate.mqtt.internal.bridge.BridgeFixture.CN;
import static org.bemgate.mqtt.internal.bridge.BridgeFixture.COIL;
import static org.bemgate.mqtt.internal.bridge.BridgeFixture.TEMP;
import static org.bemgate.mqtt.internal.bridge.BridgeFixture.id;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.Sample;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.mqtt.internal.Probe;
import org.bemgate.mqtt.internal.Probe.Received;
import org.bemgate.mqtt.internal.Wait;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The connector topics a BEMCom API reads, with their exact JSON and retain flags (bemcom-contracts.md §2, §4). */
public class BridgeTopicsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private BridgeFixture f;

    @Before
    public void setUp() throws Exception {
        f = new BridgeFixture();
    }

    @After
    public void tearDown() {
        f.close();
    }

    @Test
    public void availableDatapointsAreRetainedCumulativeAndRepublishedOnlyForANewKey() throws Exception {
        f.bridge();
        String topic = CN + "/available_datapoints";
        Probe late = f.probe(topic);
        Received first = late.await(topic, 1).get(0);
        assertEquals("{\"sensor\":{\"read_coils__1__1\":true,\"read_input_registers__1__1\":21.5},"
                + "\"actuator\":{\"write_register__1__1\":21.0}}", first.payload());
        assertTrue("retained: a subscriber that comes later gets it", first.retained());

        // a changed example value of a known key is not news, as in BEMCom's template
        f.registry.register(CN, List.of(DatapointMetadata.builder(id(TEMP), DatapointType.SENSOR).exampleValue(99.0).build()));
        f.registry.register(CN, List.of(DatapointMetadata.builder(id("read_input_registers__1__2"), DatapointType.SENSOR)
                .dataFormat(DataFormat.GENERIC_NUMERIC).exampleValue(7).build()));
        List<Received> all = late.await(topic, 2);
        assertEquals("{\"sensor\":{\"read_coils__1__1\":true,\"read_input_registers__1__1\":21.5,\"read_input_registers__1__2\":7},"
                + "\"actuator\":{\"write_register__1__1\":21.0}}", all.get(1).payload());
        Wait.sleep(300);
        assertEquals("one message per new key, none for the changed example", 2, late.on(topic).size());
        assertTrue(f.probe(topic).await(topic, 1).get(0).payload().contains("read_input_registers__1__2"));
    }

    @Test
    public void heartbeatsComeWhileTheConnectorIsHealthyAndStatusChangesAreLogged() throws Exception {
        f.bridge("heartbeatSeconds", 1);
        String hb = CN + "/heartbeat";
        String logs = CN + "/logs";
        Probe p = f.probe(hb, logs);
        List<Received> beats = p.await(hb, 2);
        for (Received r : beats) {
            JsonNode n = JSON.readTree(r.payload());
            assertEquals(List.of("this_heartbeats_timestamp", "next_heartbeats_timestamp"), fields(n));
            assertEquals(1000, n.get("next_heartbeats_timestamp").asLong() - n.get("this_heartbeats_timestamp").asLong());
            assertTrue(Math.abs(System.currentTimeMillis() - n.get("this_heartbeats_timestamp").asLong()) < 60_000);
        }
        assertFalse(f.probe(hb).all().stream().anyMatch(Received::retained));

        f.demo.status(ConnectorStatus.OFFLINE, "no answer from 127.0.0.9:502");
        Received offline = p.awaitContaining(logs, "OFFLINE");
        JsonNode log = JSON.readTree(offline.payload());
        assertEquals(List.of("timestamp", "msg", "emitter", "level"), fields(log));
        assertEquals("Connector is OFFLINE: no answer from 127.0.0.9:502", log.get("msg").asText());
        assertEquals("bemgate.health", log.get("emitter").asText());
        assertEquals(30, log.get("level").asInt());
        int beatsWhenOffline = p.on(hb).size();
        Wait.sleep(2500);
        assertTrue("at most one heartbeat already on its way", p.on(hb).size() <= beatsWhenOffline + 1);
        int settled = p.on(hb).size();
        Received retainedLog = f.probe(logs).await(logs, 1).get(0);
        assertTrue("logs are retained", retainedLog.retained());
        assertTrue(retainedLog.payload().contains("OFFLINE"));

        f.demo.status(ConnectorStatus.ONLINE, "");
        assertEquals(20, JSON.readTree(p.awaitContaining(logs, "Connector is ONLINE.").payload()).get("level").asInt());
        p.await(hb, settled + 2);

        f.demo.status(ConnectorStatus.FAILED, "host: not set");
        assertEquals(40, JSON.readTree(p.awaitContaining(logs, "FAILED").payload()).get("level").asInt());
    }

    @Test
    public void rawMessagesGroupTheValuesOfOneExchangeInBemcomsWrappedForm() throws Exception {
        f.bridge("sendRawMessages", true);
        String topic = CN + "/raw_message_to_db";
        Probe p = f.probe(topic);
        // one poll of the connector: both values share the time the raw data arrived
        f.registry.publishAll(List.of(new Sample(id(TEMP), new Value(22.5, 1596240000000L)),
                new Sample(id(COIL), new Value(false, 1596240000000L))));
        f.publish(TEMP, 22.7, 1596240001000L);
        List<Received> raw = p.await(topic, 2);
        assertEquals("{\"payload\":{\"raw_message\":{\"read_input_registers__1__1\":22.5,\"read_coils__1__1\":false},"
                + "\"timestamp\":1596240000000},\"connector_version\":\"1.2.3\"}", raw.get(0).payload());
        assertEquals("{\"payload\":{\"raw_message\":{\"read_input_registers__1__1\":22.7},\"timestamp\":1596240001000},"
                + "\"connector_version\":\"1.2.3\"}", raw.get(1).payload());
        assertFalse(raw.get(0).retained());
        assertEquals("qos 2, as BEMCom sends raw messages", 2, raw.get(0).qos());
    }

    @Test
    public void noRawMessagesUnlessEnabledAndNoValuesWithoutADatapointMap() throws Exception {
        f.bridge();
        Probe p = f.probe(CN + "/#");
        p.await(CN + "/available_datapoints", 1);
        f.registry.setActive(List.of(id(TEMP)), true);
        f.publish(TEMP, 22.5, System.currentTimeMillis());
        Wait.sleep(500);
        assertTrue(p.all().stream().noneMatch(r -> r.topic().contains("/messages/") || r.topic().endsWith("raw_message_to_db")));
        assertEquals(0, f.metric("bemgate_mqtt_bridge_values_published_total"), 0);
    }

    @Test
    public void aConnectorThatLeavesStopsHeartbeatsAndSaysSo() throws Exception {
        f.bridge("heartbeatSeconds", 1);
        Probe p = f.probe(CN + "/heartbeat", CN + "/logs");
        p.await(CN + "/heartbeat", 1);
        f.registry.removeConnector(f.demo);
        p.awaitContaining(CN + "/logs", "no longer running");
        int n = p.on(CN + "/heartbeat").size();
        Wait.sleep(2500);
        assertTrue(p.on(CN + "/heartbeat").size() <= n + 1);
        assertEquals(0, f.metric("bemgate_mqtt_bridge_connectors"), 0);
    }

    private static List<String> fields(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
