package org.bemgate.mqtt.internal.bridge;

import static org.bemgate.mqtt.internal.bridge.BridgeFixture.CN;
import static org.bemgate.mqtt.internal.bridge.BridgeFixture.COIL;
import static org.bemgate.mqtt.internal.bridge.BridgeFixture.SETPOINT;
import static org.bemgate.mqtt.internal.bridge.BridgeFixture.TEMP;
import static org.bemgate.mqtt.internal.bridge.BridgeFixture.id;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.ScheduleItem;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.SetpointItem;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.mqtt.internal.FakeConnector;
import org.bemgate.mqtt.internal.Probe;
import org.bemgate.mqtt.internal.Probe.Received;
import org.bemgate.mqtt.internal.Wait;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * A script that plays BEMCom's Django API against the bridge (bemcom-contracts.md §9.6): it publishes
 * a datapoint map, receives values, sends actuator values, setpoints and schedules, changes and
 * clears the map, and sends rubbish.
 */
public class BemcomApiScriptTest {

    private static final String MAP = CN + "/datapoint_map";
    private static final String TEMP_TOPIC = CN + "/messages/1/value";
    private static final String COIL_TOPIC = CN + "/messages/3/value";
    private static final String ACT_TOPIC = CN + "/messages/2/value";
    private static final String ACT_SETPOINT = CN + "/messages/2/setpoint";
    private static final String ACT_SCHEDULE = CN + "/messages/2/schedule";

    private BridgeFixture f;
    private Probe api;

    @Before
    public void setUp() throws Exception {
        f = new BridgeFixture();
        f.bridge();
        api = f.probe(CN + "/messages/#", CN + "/logs");
    }

    @After
    public void tearDown() {
        f.close();
    }

    /** The API's map, as MqttToDb publishes it: qos 2, retained. */
    private void map(String json) throws Exception {
        double before = f.metric("bemgate_mqtt_bridge_maps_total");
        api.publish(MAP, json, 2, true);
        Wait.until(() -> f.metric("bemgate_mqtt_bridge_maps_total") > before, "the bridge to take the datapoint map");
        // a qos 0 message sent before the broker has the bridge's new subscriptions would not reach it
        Wait.until(() -> f.bridge.session().unansweredSubscriptions() == 0, "the broker to answer the bridge's subscriptions");
    }

    private void standardMap() throws Exception {
        map("{\"sensor\": {\"" + TEMP + "\": \"" + TEMP_TOPIC + "\"}, \"actuator\": {\"" + ACT_TOPIC + "\": \"" + SETPOINT + "\"}}");
    }

    @Test
    public void mappedSensorsArePublishedRetainedOnTheirTopicsAndOthersNot() throws Exception {
        standardMap();
        Wait.until(() -> f.registry.get(id(TEMP)).map(Datapoint::active).orElse(false)
                && f.registry.get(id(SETPOINT)).map(Datapoint::active).orElse(false), "the mapped datapoints to be activated");
        assertFalse("not mapped, so not activated", f.registry.get(id(COIL)).get().active());

        f.publish(TEMP, 22.5, 1596240000000L);
        f.publish(COIL, true, 1596240000000L);
        f.publish(TEMP, 18L, 1596240001000L);
        List<Received> values = api.await(TEMP_TOPIC, 2);
        assertEquals("{\"value\":22.5,\"timestamp\":1596240000000}", values.get(0).payload());
        assertEquals("JSON types are kept: an integer stays one", "{\"value\":18,\"timestamp\":1596240001000}",
                values.get(1).payload());
        assertEquals(0, values.get(0).qos());
        Received retained = f.probe(TEMP_TOPIC).await(TEMP_TOPIC, 1).get(0);
        assertTrue("sensor values are retained", retained.retained());
        assertEquals("{\"value\":18,\"timestamp\":1596240001000}", retained.payload());
        assertTrue(api.on(COIL_TOPIC).isEmpty());

        // an inactive mapped sensor is not bridged: bemgate's activation still counts
        f.registry.setActive(List.of(id(TEMP)), false);
        f.publish(TEMP, 1.0, 1596240002000L);
        Wait.sleep(300);
        assertEquals(2, api.on(TEMP_TOPIC).size());
    }

    @Test
    public void aNewlyMappedActiveSensorSendsItsLatestValueAtOnce() throws Exception {
        f.registry.setActive(List.of(id(COIL)), true);
        f.publish(COIL, false, 1596240000000L);
        map("{\"sensor\": {\"" + COIL + "\": \"" + COIL_TOPIC + "\"}, \"actuator\": {}}");
        assertEquals("{\"value\":false,\"timestamp\":1596240000000}", api.await(COIL_TOPIC, 1).get(0).payload());
    }

    @Test
    public void actuatorValuesSetpointsAndSchedulesReachTheRegistry() throws Exception {
        standardMap();
        long now = System.currentTimeMillis();
        api.publish(ACT_TOPIC, "{\"value\": 23.0, \"timestamp\": " + now + "}", 0, false);
        Wait.until(() -> !f.demo.writes.isEmpty(), "the actuator value to reach the connector");
        assertEquals(new FakeConnector.Write(SETPOINT, 23.0), f.demo.writes.get(0));
        Wait.until(() -> f.registry.get(id(SETPOINT)).get().value() != null, "the written value to become the latest");
        assertEquals(now, f.registry.get(id(SETPOINT)).get().value().timestamp());

        api.publish(ACT_SETPOINT, "{\"setpoint\": [{\"from_timestamp\": null, \"to_timestamp\": 1564489613491, "
                + "\"preferred_value\": 21, \"min_value\": 20, \"max_value\": 22}], \"timestamp\": " + now + "}", 0, true);
        Wait.until(() -> f.registry.get(id(SETPOINT)).get().setpoint() != null, "the setpoint");
        assertEquals(new Setpoint(List.of(new SetpointItem(null, 1564489613491L, 21L, null, 20.0, 22.0,
                SetpointItem.Flexibility.CONTINUOUS)), now), f.registry.get(id(SETPOINT)).get().setpoint());

        api.publish(ACT_SCHEDULE, "{\"schedule\": [{\"from_timestamp\": null, \"to_timestamp\": 1564489613000, \"value\": 19.0}, "
                + "{\"from_timestamp\": 1564489613000, \"to_timestamp\": null, \"value\": null}], \"timestamp\": " + now + "}", 0, true);
        Wait.until(() -> f.registry.get(id(SETPOINT)).get().schedule() != null, "the schedule");
        assertEquals(new Schedule(List.of(new ScheduleItem(null, 1564489613000L, 19.0), new ScheduleItem(1564489613000L, null, null)), now),
                f.registry.get(id(SETPOINT)).get().schedule());
        assertTrue("actuator values are not published back", api.on(ACT_TOPIC).size() == 1);
    }

    @Test
    public void aRetainedSetpointReplayedAfterANewerOneDoesNotReplaceIt() throws Exception {
        long old = System.currentTimeMillis() - 60_000;
        api.publish(ACT_SETPOINT, "{\"setpoint\": [{\"from_timestamp\": null, \"to_timestamp\": null, \"preferred_value\": 19, "
                + "\"min_value\": 18, \"max_value\": 20}], \"timestamp\": " + old + "}", 0, true);
        Setpoint newer = new Setpoint(List.of(new SetpointItem(null, null, 21L, null, 20.0, 22.0)), System.currentTimeMillis());
        f.registry.setSetpoint(id(SETPOINT), newer);
        standardMap(); // subscribing replays the retained, older setpoint
        Wait.until(() -> f.metric("bemgate_mqtt_bridge_replays_skipped_total") == 1, "the replay to be skipped");
        assertEquals(newer, f.registry.get(id(SETPOINT)).get().setpoint());
    }

    @Test
    public void aWriteTheDeviceRefusesIsLoggedToTheApi() throws Exception {
        standardMap();
        f.demo.answer = WriteOutcome.rejected("Modbus exception 2: illegal data address");
        api.publish(ACT_TOPIC, "{\"value\": 23.0, \"timestamp\": " + System.currentTimeMillis() + "}", 0, false);
        Received log = api.awaitContaining(CN + "/logs", "was not done");
        assertTrue(log.payload(), log.payload().contains("illegal data address") && log.payload().contains("\"level\":30"));
        // a value the registry refuses (above max_value 30) never reaches the device
        api.publish(ACT_TOPIC, "{\"value\": 35.0, \"timestamp\": " + System.currentTimeMillis() + "}", 0, false);
        api.awaitContaining(CN + "/logs", "35.0");
        assertEquals(1, f.demo.writes.size());
        assertEquals(2, f.metric("bemgate_mqtt_bridge_writes_failed_total"), 0);
    }

    @Test
    public void malformedMessagesAreCountedLoggedAndChangeNothing() throws Exception {
        standardMap();
        api.publish(ACT_TOPIC, "not json", 0, false);
        api.publish(ACT_TOPIC, "{\"timestamp\": 1}", 0, false);
        api.publish(ACT_SETPOINT, "{\"setpoint\": 5, \"timestamp\": 1}", 0, false);
        api.publish(MAP, "{\"sensor\": {}}", 2, true);
        api.publish(MAP, "[1, 2]", 2, true);
        Wait.until(() -> f.metric("bemgate_mqtt_bridge_malformed_total") == 5, "5 malformed messages counted");
        Received log = api.awaitContaining(CN + "/logs", "malformed");
        assertTrue(log.payload(), log.payload().contains("\"level\":40") && log.payload().contains("not JSON"));
        assertTrue(f.demo.writes.isEmpty());
        assertNull(f.registry.get(id(SETPOINT)).get().setpoint());
        // the last good map still holds
        api.publish(ACT_TOPIC, "{\"value\": 23.0, \"timestamp\": " + System.currentTimeMillis() + "}", 0, false);
        Wait.until(() -> f.demo.writes.size() == 1, "the actuator to be written with the old map");
    }

    @Test
    public void aChangedMapUnsubscribesRemovedActuatorsAndAnEmptyMapStopsValues() throws Exception {
        standardMap();
        f.publish(TEMP, 20.0, 1596240000000L);
        api.await(TEMP_TOPIC, 1);
        map("{\"sensor\": {\"" + TEMP + "\": \"" + TEMP_TOPIC + "\"}, \"actuator\": {}}");
        api.publish(ACT_TOPIC, "{\"value\": 23.0, \"timestamp\": " + System.currentTimeMillis() + "}", 0, false);
        map("{\"sensor\": {}, \"actuator\": {}}"); // the API clears the map before it deletes a connector
        assertTrue("the removed actuator topic is no longer followed", f.demo.writes.isEmpty());
        f.publish(TEMP, 21.0, 1596240001000L);
        Wait.sleep(300);
        assertEquals(1, api.on(TEMP_TOPIC).size());
    }

    @Test
    public void aMapArrivingBeforeTheBridgeIsFollowedFromTheRetainedMessage() throws Exception {
        f.close();
        f = new BridgeFixture();
        try (Probe early = new Probe(f.broker.uri())) {
            early.publish(MAP, "{\"sensor\": {\"" + TEMP + "\": \"" + TEMP_TOPIC + "\"}, \"actuator\": {}}", 2, true);
        }
        f.bridge();
        api = f.probe(TEMP_TOPIC);
        Wait.until(() -> f.registry.get(id(TEMP)).get().active(), "the mapped sensor to be activated");
        f.publish(TEMP, 20.0, 1596240000000L);
        assertEquals("{\"value\":20.0,\"timestamp\":1596240000000}", api.await(TEMP_TOPIC, 1).get(0).payload());
    }
}
