package org.bemgate.mqtt.internal.remote;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.bemgate.connector.support.ExecutorScheduler;
import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.mqtt.internal.Configs;
import org.bemgate.mqtt.internal.Probe;
import org.bemgate.mqtt.internal.Wait;
import org.bemgate.testsupport.Mosquitto;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The remote-MQTT connector against a real Mosquitto: wildcards, JSON payloads, actuators, outages, logins, bad configuration. */
public class RemoteMqttConnectorTest {

    private static final String MAPPING = "{\"sensor_topics\": {\"home/+/temperature\": {}, \"zigbee/#\": {}, \"plain/topic\": {}},"
            + " \"actuator_topics\": {\"home/heater/set\": {\"example_value\": \"22.0\"}}}";

    private final DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 10_000);
    private final List<RemoteMqttConnector> connectors = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Mosquitto broker;
    private Probe device;

    @Before
    public void setUp() throws Exception {
        broker = Mosquitto.start();
        device = new Probe(broker.uri());
    }

    @After
    public void tearDown() throws Exception {
        connectors.forEach(RemoteMqttConnector::close);
        device.close();
        for (AutoCloseable c : closeables) {
            c.close();
        }
        registry.close();
        broker.close();
    }

    private RemoteMqttConnector connector(Object... properties) {
        Object[] all = new Object[properties.length + 10];
        System.arraycopy(new Object[] { "name", "remote", "host", "127.0.0.1", "port", broker.port(), "topicMapping", MAPPING,
                "reconnectMaxSeconds", 1 }, 0, all, 0, 10);
        System.arraycopy(properties, 0, all, 10, properties.length);
        RemoteMqttConnector c = new RemoteMqttConnector(registry, Configs.of(RemoteMqttConfig.class, all),
                new ExecutorScheduler("bemgate-mqtt-remote-test"), System::currentTimeMillis);
        registry.addConnector(c);
        connectors.add(c);
        return c;
    }

    private RemoteMqttConnector online(Object... properties) {
        RemoteMqttConnector c = connector(properties);
        Wait.until(() -> c.health().status() == ConnectorStatus.ONLINE, 20_000, () -> "ONLINE, is " + c.health());
        return c;
    }

    private Object latest(String key) {
        return registry.get(DatapointId.of("remote", key)).map(Datapoint::value).map(Value::value).orElse(null);
    }

    private void awaitValue(String key, Object expected) {
        Wait.until(() -> expected.equals(latest(key)), 20_000, () -> key + " = " + expected + ", is " + latest(key));
    }

    @Test
    public void wildcardTopicsBecomeOneSensorPerConcreteTopicAndJsonObjectsAreFlattened() throws Exception {
        RemoteMqttConnector c = online("parseJson", true);
        device.publish("home/kitchen/temperature", "21.5", 0, false);
        device.publish("home/bath/temperature", "\"22\"", 1, false);
        device.publish("zigbee/living/sensor1", "{\"temperature\": 19.5, \"battery\": 87, \"rssi\": [-60, -62], \"ok\": true}", 2, false);
        device.publish("other/topic", "1", 0, false);
        awaitValue("home/kitchen/temperature", 21.5);
        awaitValue("home/bath/temperature", "22");
        awaitValue("zigbee/living/sensor1__ok", true);
        assertEquals(19.5, latest("zigbee/living/sensor1__temperature"));
        assertEquals(87L, latest("zigbee/living/sensor1__battery"));
        assertEquals(-60L, latest("zigbee/living/sensor1__rssi__0"));
        assertEquals(-62L, latest("zigbee/living/sensor1__rssi__1"));
        assertTrue("not subscribed", registry.get(DatapointId.of("remote", "other/topic")).isEmpty());

        Datapoint d = registry.get(DatapointId.of("remote", "home/kitchen/temperature")).get();
        assertEquals(DatapointType.SENSOR, d.type());
        assertFalse("new datapoints arrive inactive, as in BEMCom", d.active());
        assertEquals(DataFormat.UNKNOWN, d.metadata().dataFormat());
        assertEquals(21.5, d.metadata().exampleValue());
        Datapoint heater = registry.get(DatapointId.of("remote", "home/heater/set")).get();
        assertEquals(DatapointType.ACTUATOR, heater.type());
        assertEquals("22.0", heater.metadata().exampleValue());
        assertEquals(3L, c.health().counters().get("messages").longValue());
    }

    @Test
    public void withoutJsonPayloadsAreTextAndMalformedJsonIsCountedAndKeptAsText() throws Exception {
        online();
        device.publish("plain/topic", "{\"a\": 1}", 0, false);
        awaitValue("plain/topic", "{\"a\": 1}");
        stop(connectors.get(0));

        RemoteMqttConnector json = online("name", "remote", "parseJson", true);
        device.publish("zigbee/x", "{\"oops", 0, false);
        device.publish("zigbee/x", "not json either", 0, false);
        awaitValue("zigbee/x", "not json either");
        assertEquals(2L, json.health().counters().get("malformedJson").longValue());
        assertEquals(ConnectorStatus.ONLINE, json.health().status());
        device.publish("zigbee/x", "{\"fine\": 1}", 0, false);
        awaitValue("zigbee/x__fine", 1L);
    }

    @Test
    public void retainedMessagesAreSkippedAsBemcomDoesUnlessAsked() throws Exception {
        device.publish("plain/topic", "old", 0, true);
        RemoteMqttConnector skip = online();
        Wait.until(() -> skip.health().counters().getOrDefault("retainedSkipped", 0L) == 1, "the retained message to be skipped");
        assertNull(latest("plain/topic"));
        stop(skip);
        online("skipRetained", false);
        awaitValue("plain/topic", "old");
    }

    @Test
    public void actuatorValuesArePublishedToTheirTopics() throws Exception {
        device.subscribe("home/heater/set");
        online();
        WriteOutcome text = registry.write(DatapointId.of("remote", "home/heater/set"), new Value("22.5", System.currentTimeMillis()))
                .toCompletableFuture().get();
        assertTrue(text.toString(), text.isAccepted());
        WriteOutcome number = registry.write(DatapointId.of("remote", "home/heater/set"), new Value(23, System.currentTimeMillis()))
                .toCompletableFuture().get();
        assertTrue(number.isAccepted());
        assertEquals("without JSON a string goes as it is", List.of("22.5", "23"), device.await("home/heater/set", 2).stream()
                .map(Probe.Received::payload).toList());
        assertEquals(1, device.on("home/heater/set").get(0).qos());
        assertFalse(device.on("home/heater/set").get(0).retained());
        stop(connectors.get(0));
        online("parseJson", true);
        registry.write(DatapointId.of("remote", "home/heater/set"), new Value("22.5", System.currentTimeMillis())).toCompletableFuture()
                .get();
        assertEquals("with JSON the value's JSON", "\"22.5\"", device.await("home/heater/set", 3).get(2).payload());
    }

    @Test
    public void aBrokerRestartTakesItOfflineWithAReasonAndBackSubscribedAgain() throws Exception {
        RemoteMqttConnector c = online("parseJson", true);
        broker.stop();
        Wait.until(() -> c.health().status() == ConnectorStatus.OFFLINE, "OFFLINE");
        assertTrue(c.health().reason(), c.health().reason().contains("127.0.0.1:" + broker.port()));
        WriteOutcome w = registry.write(DatapointId.of("remote", "home/heater/set"), new Value("1", System.currentTimeMillis()))
                .toCompletableFuture().get();
        assertEquals("an actuator value is never sent late", WriteOutcome.Status.FAILED, w.status());
        broker.startAgain();
        Wait.until(() -> c.health().status() == ConnectorStatus.ONLINE, 20_000, () -> "ONLINE again, is " + c.health());
        device.close();
        device = new Probe(broker.uri());
        device.publish("home/garage/temperature", "12.0", 1, false);
        awaitValue("home/garage/temperature", 12.0);
    }

    @Test
    public void aWrongPasswordKeepsItOfflineWithTheBrokersReasonAndTheRightOneConnects() throws Exception {
        Mosquitto secured = Mosquitto.builder().user("bemgate", "s3cret-pw").start();
        closeables.add(secured);
        RemoteMqttConnector wrong = connector("port", secured.port(), "username", "bemgate", "_password", "wrong-pw");
        Wait.until(() -> wrong.health().status() == ConnectorStatus.OFFLINE, "OFFLINE");
        String reason = wrong.health().reason();
        assertTrue(reason, reason.contains("refused") && reason.contains("CONNACK 5"));
        assertFalse("the password is never shown", reason.contains("wrong-pw"));
        stop(wrong);
        online("port", secured.port(), "username", "bemgate", "_password", "s3cret-pw");
    }

    @Test
    public void anUnreachableBrokerIsOfflineNotFailed() throws Exception {
        int nobody = Mosquitto.freeTcpPort();
        RemoteMqttConnector c = connector("port", nobody);
        Wait.until(() -> c.health().status() == ConnectorStatus.OFFLINE, "OFFLINE");
        assertTrue(c.health().reason(), c.health().reason().contains("cannot connect to 127.0.0.1:" + nobody));
    }

    @Test
    public void badConfigurationFailsNamingTheProperty() {
        assertFailed("host: not set", "host", "");
        assertFailed("topicMapping: not valid JSON", "topicMapping", "{nope");
        assertFailed("topicMapping: expected the key actuator_topics", "topicMapping", "{\"sensor_topics\": {}}");
        assertFailed("topicMapping: actuator_topics 'a/+/b': no wildcards", "topicMapping",
                "{\"sensor_topics\": {}, \"actuator_topics\": {\"a/+/b\": {}}}");
        assertFailed("topicMapping: sensor_topics 'a/#/b': '#' must be the whole last level", "topicMapping",
                "{\"sensor_topics\": {\"a/#/b\": {}}, \"actuator_topics\": {}}");
        assertFailed("port: must be 1 to 65535", "port", 0);
        assertFailed("caFile: set, but useTls is false", "caFile", "/etc/ssl/certs/none.pem");
        assertFailed("caFile: cannot read '/nonexistent/ca.pem'", "caFile", "/nonexistent/ca.pem", "useTls", true);
        assertFailed("name: connector name 'a b'", "name", "a b");
        assertFailed("actuatorQos: must be 0, 1 or 2", "actuatorQos", 3);
    }

    private void stop(RemoteMqttConnector c) {
        c.close();
        connectors.remove(c);
        registry.removeConnector(c);
    }

    private void assertFailed(String reasonStart, Object... properties) {
        RemoteMqttConnector c = connector(properties);
        assertEquals(ConnectorStatus.FAILED, c.health().status());
        assertTrue(c.health().reason(), c.health().reason().startsWith(reasonStart));
        WriteOutcome w = c.write("home/heater/set", "1").toCompletableFuture().join();
        assertEquals(WriteOutcome.Status.FAILED, w.status());
        c.close();
        connectors.remove(c);
        registry.removeConnector(c);
    }
}
