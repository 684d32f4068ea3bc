package org.bemgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The MQTT bundle on a running gateway, against a real Mosquitto on loopback: the demo's Modbus
 * connector appears as a BEMCom connector (available datapoints, heartbeats), a script playing the
 * BEMCom API maps its datapoints, receives the room temperature and writes the setpoint; a remote
 * broker's topics arrive as a connector's datapoints.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(BootRaceTolerantPerClass.class)
public class MqttIT extends BemgateTestSupport {

    @Configuration
    public Option[] config() throws Exception {
        // Installed at boot, not in the test: the probe resolves Paho's classes when it loads this class.
        return withExtra(baseOptions(), CoreOptions.systemProperty("bemgate.it.mqttPort").value(Integer.toString(DriverBroker.start())),
                KarafDistributionOption.features(CoreOptions.maven("org.bemgate", "features").classifier("features").type("xml")
                        .versionAsInProject(), "bemgate-mqtt"));
    }

    @Test
    public void theDemoIsABemcomConnectorOnTheBrokerAndARemoteBrokerIsAConnector() throws Exception {
        DatapointRegistry registry = service(DatapointRegistry.class);
        int port = Integer.getInteger("bemgate.it.mqttPort");
        String uri = "tcp://127.0.0.1:" + port;
        ConfigurationAdmin configs = service(ConfigurationAdmin.class);

        Map<String, MqttMessage> seen = new ConcurrentHashMap<>();
        MqttClient api = new MqttClient(uri, "it-bemcom-api", new MemoryPersistence());
        api.connect();
        api.subscribe("demo-room/#", 1, (topic, message) -> seen.put(topic, message));

        org.osgi.service.cm.Configuration bridge = configs.getConfiguration("org.bemgate.mqtt", "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("host", "127.0.0.1");
        props.put("port", port);
        props.put("heartbeatSeconds", 1);
        bridge.update(props);

        MqttMessage available = await(() -> seen.get("demo-room/available_datapoints"), m -> m != null, 30_000,
                "available_datapoints of the demo room");
        String availableJson = text(available);
        assertTrue(availableJson, availableJson.contains("\"read_input_registers__1__1\"") && availableJson.contains("\"write_register__1__1\""));
        await(() -> seen.get("demo-room/heartbeat"), m -> m != null, 10_000, "a heartbeat of the demo room");

        // The BEMCom API's part: a datapoint map, then values in and a setpoint value out.
        MqttMessage map = new MqttMessage(("{\"sensor\": {\"read_input_registers__1__1\": \"demo-room/messages/1/value\"},"
                + " \"actuator\": {\"demo-room/messages/2/value\": \"write_register__1__1\"}}").getBytes(StandardCharsets.UTF_8));
        map.setQos(2);
        map.setRetained(true);
        api.publish("demo-room/datapoint_map", map);
        MqttMessage value = await(() -> seen.get("demo-room/messages/1/value"), m -> m != null, 30_000, "the room temperature");
        assertTrue(text(value), text(value).matches("\\{\"value\": ?[-0-9.]+, ?\"timestamp\": ?[0-9]+\\}"));

        DatapointId setpoint = DatapointId.of("demo-room", "write_register__1__1");
        MqttMessage write = new MqttMessage(("{\"value\": 21.5, \"timestamp\": " + System.currentTimeMillis() + "}").getBytes(StandardCharsets.UTF_8));
        write.setQos(2);
        api.publish("demo-room/messages/2/value", write);
        await(() -> registry.get(setpoint).orElseThrow().value(), v -> v != null && ((Number) v.value()).doubleValue() == 21.5, 30_000,
                "the setpoint written through the bridge");

        // A remote broker (the same Mosquitto) as a connector: any topic under ext/ becomes a datapoint.
        org.osgi.service.cm.Configuration remote = configs.getFactoryConfiguration("org.bemgate.mqtt.remote", "ext", "?");
        Dictionary<String, Object> r = new Hashtable<>();
        r.put("name", "ext");
        r.put("host", "127.0.0.1");
        r.put("port", port);
        r.put("parseJson", true);
        r.put("topicMapping", "{\"sensor_topics\": {\"ext/#\": {}}, \"actuator_topics\": {}}");
        remote.update(r);
        await(() -> registry.connector("ext").orElseThrow().health().status(), ConnectorStatus.ONLINE::equals, 30_000, "ext online");
        assertEquals("mqtt", registry.connector("ext").orElseThrow().protocol());
        MqttMessage reading = new MqttMessage("{\"t\": 19.5}".getBytes(StandardCharsets.UTF_8));
        DatapointId t = DatapointId.of("ext", "ext/meter__t");
        await(() -> {
            api.publish("ext/meter", reading);
            return registry.get(t).orElseThrow().value();
        }, v -> v != null && ((Number) v.value()).doubleValue() == 19.5, 30_000, "a remote topic as a datapoint");

        remote.delete();
        bridge.delete();
        api.disconnect();
        api.close();
    }

    private static String text(MqttMessage m) {
        return new String(m.getPayload(), StandardCharsets.UTF_8);
    }
}
