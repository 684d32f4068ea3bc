package org.bemgate.mqtt.internal.codec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * BEMCom's {@code REMOTE_MQTT_BROKER_TOPIC_MAPPING}, accepted unchanged:
 * {@code {"sensor_topics": {"<filter>": {}, ...}, "actuator_topics": {"<topic>": {"example_value": ...}}}}.
 * Sensor topics are subscription filters ({@code +} and {@code #} allowed); actuator topics are where
 * values are published, so they take no wildcard. A list of sensor filters is accepted too.
 *
 * @param sensorTopics the filters to subscribe to, in the order given
 * @param actuatorTopics actuator topic (also its datapoint key) → example value
 */
public record TopicMapping(List<String> sensorTopics, Map<String, Object> actuatorTopics) {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    /** Copies both parts. */
    public TopicMapping {
        sensorTopics = List.copyOf(sensorTopics);
        actuatorTopics = Collections.unmodifiableMap(new LinkedHashMap<>(actuatorTopics));
    }

    /**
     * @param json the mapping's JSON text
     * @return the mapping
     * @throws IllegalArgumentException saying what is wrong, as an operator can fix it
     */
    public static TopicMapping parse(String json) {
        Object root;
        try {
            root = MAPPER.readValue(json == null ? "" : json, Object.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + firstLine(e.getMessage()));
        }
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException("must be a JSON object with sensor_topics and actuator_topics");
        }
        Map<?, ?> m = (Map<?, ?>) root;
        // BEMCom insists on both keys, so a typo does not silently lose all sensors or actuators.
        if (!m.containsKey("sensor_topics")) {
            throw new IllegalArgumentException("expected the key sensor_topics");
        }
        if (!m.containsKey("actuator_topics")) {
            throw new IllegalArgumentException("expected the key actuator_topics");
        }
        List<String> sensors = new ArrayList<>();
        Object s = m.get("sensor_topics");
        Iterable<?> filters = s instanceof Map ? ((Map<?, ?>) s).keySet() : s instanceof List ? (List<?>) s : null;
        if (filters == null) {
            throw new IllegalArgumentException("sensor_topics must be an object whose keys are topics");
        }
        for (Object f : filters) {
            String filter = String.valueOf(f);
            checkFilter(filter);
            if (!sensors.contains(filter)) {
                sensors.add(filter);
            }
        }
        Map<String, Object> actuators = new LinkedHashMap<>();
        Object a = m.get("actuator_topics");
        if (!(a instanceof Map)) {
            throw new IllegalArgumentException("actuator_topics must be an object whose keys are topics");
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) a).entrySet()) {
            String topic = String.valueOf(e.getKey());
            checkTopic(topic);
            Object spec = e.getValue();
            if (spec != null && !(spec instanceof Map)) {
                throw new IllegalArgumentException("actuator_topics '" + topic + "' must map to an object such as {\"example_value\": \"22.0\"}");
            }
            actuators.put(topic, spec == null ? null : ((Map<?, ?>) spec).get("example_value"));
        }
        return new TopicMapping(sensors, actuators);
    }

    /** Checks a subscription filter: {@code +} only as a whole level, {@code #} only as the whole last level. */
    static void checkFilter(String filter) {
        if (filter.isEmpty()) {
            throw new IllegalArgumentException("sensor_topics has an empty topic");
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String l = levels[i];
            if (l.contains("#") && (!l.equals("#") || i != levels.length - 1)) {
                throw new IllegalArgumentException("sensor_topics '" + filter + "': '#' must be the whole last level");
            }
            if (l.contains("+") && !l.equals("+")) {
                throw new IllegalArgumentException("sensor_topics '" + filter + "': '+' must be a whole level");
            }
        }
    }

    static void checkTopic(String topic) {
        if (topic.isEmpty()) {
            throw new IllegalArgumentException("actuator_topics has an empty topic");
        }
        if (topic.contains("+") || topic.contains("#")) {
            throw new IllegalArgumentException("actuator_topics '" + topic + "': no wildcards, the value is published there");
        }
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
