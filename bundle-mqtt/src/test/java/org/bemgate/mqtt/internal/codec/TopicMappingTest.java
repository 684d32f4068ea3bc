package org.bemgate.mqtt.internal.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** REMOTE_MQTT_BROKER_TOPIC_MAPPING as BEMCom's MQTT connector Readme shows it, and the flattening of payloads. */
public class TopicMappingTest {

    @Test
    public void theReadmesExampleIsAcceptedUnchanged() {
        TopicMapping m = TopicMapping.parse("{\n    \"sensor_topics\": {\n        \"sensor/topic/1\": {},\n"
                + "        \"sensor/topic/with/single/+/wildcard\": {},\n        \"sensor/topic/with/mulitlevel/wildcard/#\": {}\n    },\n"
                + "    \"actuator_topics\": {\n        \"actuator/topic/1\": {\n            \"example_value\": \"22.0\"\n        }\n    }\n}");
        assertEquals(List.of("sensor/topic/1", "sensor/topic/with/single/+/wildcard", "sensor/topic/with/mulitlevel/wildcard/#"),
                m.sensorTopics());
        assertEquals(Map.of("actuator/topic/1", "22.0"), m.actuatorTopics());
    }

    @Test
    public void aListOfSensorTopicsAndAnActuatorWithoutExampleAreAcceptedToo() {
        TopicMapping m = TopicMapping.parse("{\"sensor_topics\": [\"#\", \"a/+\"], \"actuator_topics\": {\"x/y\": {}}}");
        assertEquals(List.of("#", "a/+"), m.sensorTopics());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("x/y", null);
        assertEquals(expected, m.actuatorTopics());
    }

    @Test
    public void mistakesAreNamed() {
        assertProblem("not valid JSON", "{");
        assertProblem("must be a JSON object", "[]");
        assertProblem("expected the key sensor_topics", "{\"actuator_topics\": {}}");
        assertProblem("expected the key actuator_topics", "{\"sensor_topics\": {}}");
        assertProblem("sensor_topics 'a/b#': '#' must be the whole last level", "{\"sensor_topics\": {\"a/b#\": {}}, \"actuator_topics\": {}}");
        assertProblem("sensor_topics 'a+/b': '+' must be a whole level", "{\"sensor_topics\": {\"a+/b\": {}}, \"actuator_topics\": {}}");
        assertProblem("actuator_topics 'a/#': no wildcards", "{\"sensor_topics\": {}, \"actuator_topics\": {\"a/#\": {}}}");
        assertProblem("actuator_topics 'a' must map to an object", "{\"sensor_topics\": {}, \"actuator_topics\": {\"a\": 1}}");
    }

    private static void assertProblem(String start, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopicMapping.parse(json));
        assertTrue(e.getMessage(), e.getMessage().startsWith(start));
    }

    @Test
    public void flatteningJoinsNestedKeysWithDoubleUnderscoresAndListsByIndex() {
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("sensor_1", "2.12");
        device.put("sensor_2", List.of(Map.of("sensor_1", 1)));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("t__sensor_1", "2.12");
        expected.put("t__sensor_2__0__sensor_1", 1);
        assertEquals(expected, Flattener.flatten("t", device));
        assertEquals(Map.of("a/b", 3.5), Flattener.flatten("a/b", 3.5));
        assertEquals(Map.of(), Flattener.flatten("a", Map.of()));
        Map<String, Object> nullLeaf = new LinkedHashMap<>();
        nullLeaf.put("a", null);
        assertEquals(nullLeaf, Flattener.flatten("a", null));
    }
}
